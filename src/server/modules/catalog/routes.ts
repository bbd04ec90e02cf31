import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { createAddOn, getAddOn, updateAddOn } from './add-ons.js';
import { toCategoryDto } from './dto.js';
import { getService, listAddOns, listCategories, listServices } from './queries.js';
import { findCategory } from './repo.js';
import { productRoutes } from './routes-products.js';
import {
  addOnCreate,
  addOnsQuery,
  addOnUpdate,
  categoriesQuery,
  categoryCreate,
  categoryUpdate,
  idParams,
  overrideParams,
  serviceCreate,
  serviceOverrideBody,
  serviceStaffList,
  servicesQuery,
  serviceUpdate,
  storeQuery,
} from './schemas.js';
import {
  archiveService,
  createCategory,
  createService,
  deleteService,
  setServiceOverride,
  setServiceStaff,
  updateCategory,
  updateService,
} from './service.js';

const read = { access: { permission: 'catalog.read' as const } };
const write = { access: { permission: 'catalog.write' as const } };
const override = { access: { permission: 'catalog.override' as const } };

/** HQ catalog: categories, services (staff, overrides) and add-ons; products and resources in routes-products. */
export function catalogRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    // ---- categories
    app.get(
      '/service-categories',
      { config: read, schema: { tags: ['catalog'], summary: 'Service categories', querystring: categoriesQuery } },
      async (request) => listCategories(db, request.query, request.lang),
    );
    app.get(
      '/service-categories/:id',
      { config: read, schema: { tags: ['catalog'], summary: 'One service category', params: idParams } },
      async (request) => {
        const row = await findCategory(db, request.params.id);
        if (!row) throw PlatformErrors.not_found();
        return toCategoryDto(row, request.lang);
      },
    );
    app.post(
      '/service-categories',
      { config: write, schema: { tags: ['catalog'], summary: 'Add a service category', body: categoryCreate } },
      async (request, reply) => reply.status(201).send(await createCategory(db, request.body, ctx(request), request.lang)),
    );
    app.patch(
      '/service-categories/:id',
      {
        config: write,
        schema: { tags: ['catalog'], summary: 'Edit a service category (send its version)', params: idParams, body: categoryUpdate },
      },
      async (request) => updateCategory(db, request.params.id, request.body, ctx(request), request.lang),
    );

    // ---- services
    app.get(
      '/services',
      {
        config: read,
        schema: {
          tags: ['catalog'],
          summary: 'Services; with storeId as that store sells them (overrides applied)',
          querystring: servicesQuery,
        },
      },
      async (request) => {
        if (request.query.storeId) assertStore(requireActor(request), request.query.storeId);
        return listServices(db, request.query, request.lang);
      },
    );
    app.get(
      '/services/:id',
      {
        config: read,
        schema: {
          tags: ['catalog'],
          summary: 'One service; with storeId as that store sells it',
          params: idParams,
          querystring: storeQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        return getService(db, actor, request.params.id, request.lang, request.query.storeId);
      },
    );
    app.post(
      '/services',
      { config: write, schema: { tags: ['catalog'], summary: 'Add a service to the HQ catalog', body: serviceCreate } },
      async (request, reply) => reply.status(201).send(await createService(db, request.body, ctx(request), request.lang)),
    );
    app.patch(
      '/services/:id',
      { config: write, schema: { tags: ['catalog'], summary: 'Edit a service (send its version)', params: idParams, body: serviceUpdate } },
      async (request) => updateService(db, request.params.id, request.body, ctx(request), request.lang),
    );
    app.delete(
      '/services/:id',
      {
        config: write,
        schema: { tags: ['catalog'], summary: 'Delete a service never booked or sold (else 409 in_use: archive it)', params: idParams },
      },
      async (request, reply) => {
        await deleteService(db, request.params.id, ctx(request), request.lang);
        return reply.status(204).send();
      },
    );
    app.post(
      '/services/:id/archive',
      { config: write, schema: { tags: ['catalog'], summary: 'Archive a service (always possible; history stays)', params: idParams } },
      async (request) => archiveService(db, request.params.id, ctx(request), request.lang),
    );
    app.put(
      '/services/:id/staff',
      {
        config: write,
        schema: {
          tags: ['catalog'],
          summary: 'Who performs the service, each with an optional own price and duration',
          params: idParams,
          body: serviceStaffList,
        },
      },
      async (request) => setServiceStaff(db, request.params.id, request.body, ctx(request), request.lang),
    );
    app.put(
      '/services/:id/overrides/:storeId',
      {
        config: override,
        schema: {
          tags: ['catalog'],
          summary: "A store's own price, duration and availability (null or absent follows HQ; locked fields: 422 field_locked)",
          params: overrideParams,
          body: serviceOverrideBody,
        },
      },
      async (request) => {
        assertStore(requireActor(request), request.params.storeId);
        return setServiceOverride(db, request.params.id, request.params.storeId, request.body, ctx(request), request.lang);
      },
    );

    // ---- add-ons
    app.get(
      '/add-ons',
      { config: read, schema: { tags: ['catalog'], summary: 'Add-ons (filter by serviceId)', querystring: addOnsQuery } },
      async (request) => listAddOns(db, request.query, request.lang),
    );
    app.get('/add-ons/:id', { config: read, schema: { tags: ['catalog'], summary: 'One add-on', params: idParams } }, async (request) =>
      getAddOn(db, request.params.id, request.lang),
    );
    app.post(
      '/add-ons',
      { config: write, schema: { tags: ['catalog'], summary: 'Add an add-on, attached to services', body: addOnCreate } },
      async (request, reply) => reply.status(201).send(await createAddOn(db, request.body, ctx(request), request.lang)),
    );
    app.patch(
      '/add-ons/:id',
      { config: write, schema: { tags: ['catalog'], summary: 'Edit an add-on (send its version)', params: idParams, body: addOnUpdate } },
      async (request) => updateAddOn(db, request.params.id, request.body, ctx(request), request.lang),
    );

    await app.register(productRoutes(deps));
  };
}
