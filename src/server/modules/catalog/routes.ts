import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { auditContext } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { createAddOn, getAddOn, updateAddOn } from './add-ons.js';
import { toCategoryDto } from './dto.js';
import { getService, listAddOns, listCategories, listServices } from './queries.js';
import { findCategory } from './repo.js';
import { registerHqItemRoutes } from './routes-hq-items.js';
import { productRoutes } from './routes-products.js';
import {
  addOnCreate,
  addOnsQuery,
  addOnUpdate,
  categoriesQuery,
  categoryCreate,
  categoryUpdate,
  idParams,
  serviceCreate,
  serviceOverrideBody,
  serviceStaffList,
  servicesQuery,
  serviceUpdate,
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

    // ---- services (staff is theirs alone)
    registerHqItemRoutes(
      app,
      db,
      ctx,
      {
        path: '/services',
        schemas: { list: servicesQuery, create: serviceCreate, update: serviceUpdate, override: serviceOverrideBody },
        summaries: {
          list: 'Services; with storeId as that store sells them (overrides applied)',
          one: 'One service; with storeId as that store sells it',
          create: 'Add a service to the HQ catalog',
          update: 'Edit a service (send its version)',
          remove: 'Delete a service never booked or sold (else 409 in_use: archive it)',
          archive: 'Archive a service (always possible; history stays)',
          override: "A store's own price, duration and availability (null or absent follows HQ; locked fields: 422 field_locked)",
        },
        list: listServices,
        get: getService,
        create: createService,
        update: updateService,
        remove: deleteService,
        archive: archiveService,
        setOverride: setServiceOverride,
      },
      () =>
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
        ),
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
