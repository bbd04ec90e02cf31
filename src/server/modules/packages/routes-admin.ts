// HQ's side of packages: templates, business settings (refund fee, notices, booking link), recommendation
// rules, and the package and recommendation reports.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTransaction } from '../../db/tx.js';
import type { Deps } from '../../deps.js';
import { assertStore, auditContext, requireActor } from '../../http/actor.js';
import { PlatformErrors } from '../../platform/errors.js';
import { addDays, startOfLocalDay } from '../../platform/zoned-time.js';
import { createRule, recommendationReport, ruleDto, updateRule } from './recommendations.js';
import { packageReport } from './reports.js';
import { idParams, listQuery, reportQuery, ruleCreate, ruleUpdate, templateCreate, templateUpdate } from './schemas.js';
import { loadPackageSettings, packageSettings, savePackageSettings } from './settings.js';
import { createTemplate, findTemplate, soldAt, templateDto, updateTemplate } from './templates.js';

const tags = ['packages'];

export function packageAdminRoutes(deps: Deps): FastifyPluginAsyncZod {
  const db = deps.database.db;
  const now = () => deps.clock.now();

  /** A report range as instants: store-local days when a store is named, else the first store's zone. */
  async function range(q: { from?: string | undefined; to?: string | undefined; storeId?: string | undefined }) {
    const store = q.storeId
      ? await db.selectFrom('stores').select('time_zone').where('id', '=', q.storeId).executeTakeFirst()
      : await db.selectFrom('stores').select('time_zone').orderBy('created_at').executeTakeFirst();
    if (q.storeId && !store) throw PlatformErrors.not_found();
    const tz = store?.time_zone ?? 'UTC';
    return {
      from: q.from ? startOfLocalDay(q.from, tz) : null,
      to: q.to ? startOfLocalDay(addDays(q.to, 1), tz) : null,
      storeId: q.storeId,
    };
  }

  return async (app) => {
    app.get(
      '/package-templates',
      {
        config: { access: { permission: 'packages.sell' } },
        schema: {
          tags,
          summary: 'Package templates (active ones, or all with includeInactive); storeId: those sold there',
          querystring: listQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { includeInactive, storeId } = request.query;
        if (storeId) assertStore(actor, storeId);
        let rows = await db.selectFrom('package_templates').selectAll().orderBy('name').execute();
        if (includeInactive !== 'true') rows = rows.filter((r) => r.active === 1);
        if (storeId) rows = rows.filter((r) => soldAt(r, storeId));
        return { data: rows.map(templateDto), nextCursor: null };
      },
    );

    app.post(
      '/package-templates',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: { tags, summary: 'Add a package template (HQ)', body: templateCreate },
      },
      async (request, reply) =>
        reply.status(201).send(await withTransaction(db, ({ tx }) => createTemplate(tx, request.body, auditContext(request, now())))),
    );

    app.get(
      '/package-templates/:id',
      {
        config: { access: { permission: 'packages.sell' } },
        schema: { tags, summary: 'One package template with its allocation per session', params: idParams },
      },
      async (request) => {
        const row = await findTemplate(db, request.params.id);
        if (!row) throw PlatformErrors.not_found();
        return templateDto(row);
      },
    );

    app.patch(
      '/package-templates/:id',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: {
          tags,
          summary: 'Change a template (send its version); packages already sold keep their terms',
          params: idParams,
          body: templateUpdate,
        },
      },
      async (request) => withTransaction(db, ({ tx }) => updateTemplate(tx, request.params.id, request.body, auditContext(request, now()))),
    );

    app.get(
      '/package-settings',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: { tags, summary: 'Package settings (refund fee, notices, booking link)' },
      },
      async () => loadPackageSettings(db),
    );

    app.put(
      '/package-settings',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: {
          tags,
          summary: 'Replace the package settings (send the version you read; 0 the first time)',
          body: z.strictObject({ version: z.number().int().min(0), settings: packageSettings }),
        },
      },
      async (request) =>
        withTransaction(db, ({ tx }) => savePackageSettings(tx, request.body.settings, request.body.version, auditContext(request, now()))),
    );

    app.get(
      '/package-rules',
      { config: { access: { permission: 'packages.manage' } }, schema: { tags, summary: 'Recommendation rules' } },
      async (request) => ({
        data: (await db.selectFrom('package_recommendation_rules').selectAll().orderBy('name').execute()).map((r) =>
          ruleDto(r, request.lang),
        ),
        nextCursor: null,
      }),
    );

    app.post(
      '/package-rules',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: { tags, summary: 'Add a rule: when a package is finished (or n sessions remain), suggest another', body: ruleCreate },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await withTransaction(db, ({ tx }) => createRule(tx, request.body, auditContext(request, now()), request.lang))),
    );

    app.patch(
      '/package-rules/:id',
      {
        config: { access: { permission: 'packages.manage' } },
        schema: { tags, summary: 'Change a rule (send its version)', params: idParams, body: ruleUpdate },
      },
      async (request) =>
        withTransaction(db, ({ tx }) => updateRule(tx, request.params.id, request.body, auditContext(request, now()), request.lang)),
    );

    app.get(
      '/reports/packages',
      {
        config: { access: { permission: 'reports.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Packages sold vs redeemed (deferred revenue), refunds, outstanding sessions, cross-store redemptions',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        else if (!actor.allStores) throw PlatformErrors.store_forbidden();
        return packageReport(db, await range(request.query));
      },
    );

    app.get(
      '/reports/package-recommendations',
      {
        config: { access: { permission: 'reports.read' } },
        schema: {
          tags: ['reports'],
          summary: 'Recommendations per rule: suggested, messaged, converted (bought), dismissed, conversion rate',
          querystring: reportQuery,
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (request.query.storeId) assertStore(actor, request.query.storeId);
        else if (!actor.allStores) throw PlatformErrors.store_forbidden();
        return recommendationReport(db, await range(request.query), request.lang);
      },
    );
  };
}
