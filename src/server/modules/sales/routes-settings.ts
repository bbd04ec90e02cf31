// Store settings checkout owns: tax rates (stores.tax_settings) and checkout settings (tips, approvals,
// receipt prefix). Both audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { writeAudit } from '../../platform/audit.js';
import { PlatformErrors } from '../../platform/errors.js';
import { SalesErrors } from './errors.js';
import { salesSettingsText, storeWithPrefix } from './repo.js';
import { parseSalesSettings, receiptPrefix, salesSettingsSchema, taxSettingsBody, toTaxSettings } from './settings.js';
import { parseTaxSettings, TAX_PRESETS, taxPreset } from './tax.js';

const params = z.object({ id: z.uuid() });
const tags = ['sales settings'];

export function settingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  return async (app) => {
    app.get(
      '/tax-presets',
      {
        config: { access: { permission: 'stores.read' } },
        schema: { tags, summary: 'Ready-made tax settings (US NYC, BC, Ontario, Alberta)' },
      },
      async () => ({
        data: TAX_PRESETS.flatMap((p) =>
          p === 'us_nyc' ? [taxPreset(p, { taxServices: false }), taxPreset(p, { taxServices: true })] : [taxPreset(p)],
        ),
      }),
    );

    app.get(
      '/stores/:id/tax-settings',
      { config: { access: { permission: 'stores.read' } }, schema: { tags, summary: 'A store’s tax rates', params } },
      async (request) => {
        assertStore(requireActor(request), request.params.id);
        const row = await db.selectFrom('stores').select('tax_settings').where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw PlatformErrors.not_found();
        return parseTaxSettings(row.tax_settings);
      },
    );

    app.put(
      '/stores/:id/tax-settings',
      {
        config: { access: { permission: 'business.manage' } },
        schema: {
          tags,
          summary: 'Set a store’s tax rates: a preset ({ preset, taxServices }) or custom rates (owner; audited)',
          params,
          body: taxSettingsBody,
        },
      },
      async (request) => {
        const ctx = auditContext(request, deps.clock.now());
        const next = toTaxSettings(request.body);
        return withTransaction(db, async ({ tx }) => {
          const row = await tx
            .selectFrom('stores')
            .select(['tax_settings', 'version'])
            .where('id', '=', request.params.id)
            .executeTakeFirst();
          if (!row) throw PlatformErrors.not_found();
          await tx
            .updateTable('stores')
            .set({ tax_settings: JSON.stringify(next), version: row.version + 1, updated_at: ctx.now })
            .where('id', '=', request.params.id)
            .execute();
          await writeAudit(tx, ctx, {
            action: 'store.tax_settings',
            entityType: 'store',
            entityId: request.params.id,
            storeId: request.params.id,
            before: parseTaxSettings(row.tax_settings),
            after: next,
          });
          return next;
        });
      },
    );

    const settingsDto = async (storeId: string) => {
      const store = await db.selectFrom('stores').select('slug').where('id', '=', storeId).executeTakeFirst();
      if (!store) throw PlatformErrors.not_found();
      const row = await db
        .selectFrom('store_sales_settings')
        .select(['settings', 'version'])
        .where('store_id', '=', storeId)
        .executeTakeFirst();
      const settings = parseSalesSettings(row?.settings);
      return { ...settings, receiptPrefix: receiptPrefix(settings, store.slug), version: row?.version ?? 0 };
    };

    app.get(
      '/stores/:id/sales-settings',
      { config: { access: { permission: 'stores.read' } }, schema: { tags, summary: 'A store’s checkout settings', params } },
      async (request) => {
        assertStore(requireActor(request), request.params.id);
        return settingsDto(request.params.id);
      },
    );

    app.put(
      '/stores/:id/sales-settings',
      {
        config: { access: { permission: 'stores.write' } },
        schema: {
          tags,
          summary: 'Set a store’s checkout settings: tip presets, discount approval, refund limit, receipt prefix (audited)',
          params,
          body: salesSettingsSchema,
        },
      },
      async (request) => {
        assertStore(requireActor(request), request.params.id);
        const ctx = auditContext(request, deps.clock.now());
        await withTransaction(db, async ({ tx }) => {
          const store = await tx.selectFrom('stores').select('id').where('id', '=', request.params.id).executeTakeFirst();
          if (!store) throw PlatformErrors.not_found();
          const prefix = request.body.receiptPrefix;
          if (prefix) {
            const clash = await storeWithPrefix(tx, prefix, request.params.id);
            if (clash)
              throw SalesErrors.receipt_prefix_taken({ prefix, store: clash }, [{ path: 'receiptPrefix', message: `used by ${clash}` }]);
          }
          const before = await salesSettingsText(tx, request.params.id);
          await tx
            .insertInto('store_sales_settings')
            .values({
              store_id: request.params.id,
              settings: JSON.stringify(request.body),
              version: 1,
              updated_by: ctx.actorId,
              updated_at: ctx.now,
            })
            .onConflict((oc) =>
              oc.column('store_id').doUpdateSet((eb) => ({
                settings: JSON.stringify(request.body),
                version: eb('store_sales_settings.version', '+', 1),
                updated_by: ctx.actorId,
                updated_at: ctx.now,
              })),
            )
            .execute();
          await writeAudit(tx, ctx, {
            action: 'store.sales_settings',
            entityType: 'store',
            entityId: request.params.id,
            storeId: request.params.id,
            before: before ? parseSalesSettings(before) : null,
            after: request.body,
          });
        });
        return settingsDto(request.params.id);
      },
    );
  };
}
