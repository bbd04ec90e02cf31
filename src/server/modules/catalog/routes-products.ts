import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { toResourceDto } from './dto.js';
import { archiveProduct, createProduct, deleteProduct, getProduct, listProducts, setProductOverride, updateProduct } from './products.js';
import { createResource, listResources, loadResource, updateResource } from './resources.js';
import { registerHqItemRoutes } from './routes-hq-items.js';
import {
  idParams,
  productCreate,
  productOverrideBody,
  productsQuery,
  productUpdate,
  resourceCreate,
  resourcesQuery,
  resourceUpdate,
  storeQuery,
} from './schemas.js';

const read = { access: { permission: 'catalog.read' as const } };
// Store-level settings: managers (catalog.override) for their stores, owners everywhere.
const storeLevel = { access: { permission: 'catalog.override' as const } };

/** Products (HQ, with store overrides) and each store's resources. */
export function productRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const ctx = (request: FastifyRequest) => auditContext(request, deps.clock.now());
  return async (app) => {
    // ---- products
    registerHqItemRoutes(app, db, ctx, {
      path: '/products',
      schemas: { list: productsQuery, create: productCreate, update: productUpdate, override: productOverrideBody },
      summaries: {
        list: 'Products; with storeId as that store sells them; code = exact SKU or barcode',
        one: 'One product; with storeId as that store sells it',
        create: 'Add a product (SKU unique: 409 sku_taken)',
        update: 'Edit a product (send its version)',
        remove: 'Delete a product never sold or used (else 409 in_use: archive it)',
        archive: 'Archive a product (always possible; history stays)',
        override: "A store's own price and availability (null or absent follows HQ; locked fields: 422 field_locked)",
      },
      list: listProducts,
      get: getProduct,
      create: createProduct,
      update: updateProduct,
      remove: deleteProduct,
      archive: archiveProduct,
      setOverride: setProductOverride,
    });

    // ---- resources
    app.get(
      '/resources',
      {
        config: read,
        schema: { tags: ['catalog'], summary: 'Rooms, beds and chairs of a store (or of all my stores)', querystring: resourcesQuery },
      },
      async (request) => listResources(db, requireActor(request), request.query),
    );
    app.get('/resources/:id', { config: read, schema: { tags: ['catalog'], summary: 'One resource', params: idParams } }, async (request) =>
      toResourceDto(await loadResource(db, requireActor(request), request.params.id)),
    );
    app.post(
      '/resources',
      {
        config: storeLevel,
        schema: {
          tags: ['catalog'],
          summary: 'Add a room, bed or chair to a store (storeId in the query or the body)',
          querystring: storeQuery,
          body: resourceCreate,
        },
      },
      async (request, reply) => {
        const fromQuery = request.query.storeId;
        const fromBody = request.body.storeId;
        const storeId = fromQuery ?? fromBody;
        if (!storeId || (fromQuery && fromBody && fromQuery !== fromBody)) {
          throw PlatformErrors.validation_failed({ fields: 'storeId' }, [
            { path: 'storeId', message: 'name one store, in the query or the body' },
          ]);
        }
        return reply.status(201).send(await createResource(db, requireActor(request), storeId, request.body, ctx(request)));
      },
    );
    app.patch(
      '/resources/:id',
      {
        config: storeLevel,
        schema: {
          tags: ['catalog'],
          summary: 'Edit a resource (send its version); active: false takes it out of use',
          params: idParams,
          body: resourceUpdate,
        },
      },
      async (request) => updateResource(db, requireActor(request), request.params.id, request.body, ctx(request)),
    );
  };
}
