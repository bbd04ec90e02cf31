// Recommendations: HQ rules like "when Basic Cleansing Course is finished, or 2 sessions remain, suggest
// Advanced Repair Course". A redemption that makes a rule fire opens a recommendation for the client (once
// per rule and package), optionally messaged to her (marketing: explicit consent only); buying the suggested
// template converts it. The report counts suggested vs converted per rule.
import { type Selectable, sql } from 'kysely';
import type { PackageRecommendationRulesTable } from '../../db/tables.js';
import type { Executor } from '../../db/tx.js';
import { type AuditContext, writeAudit } from '../../platform/audit.js';
import { type FieldError, PlatformErrors } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';
import { newId } from '../../platform/ids.js';
import { fill, notifyClient } from './notify.js';
import type { ItemState, PackageRow } from './repo.js';
import { ruleFires } from './rules.js';
import type { RuleCreate, RuleUpdate } from './schemas.js';
import { cleanTranslations, parseJson, type Translations, textIn } from './templates.js';

export type RuleRow = Selectable<PackageRecommendationRulesTable>;

/** A rule; `displayName` is its name in the caller's language (the base name when not translated). */
export function ruleDto(r: RuleRow, lang: Language = 'en') {
  const nameTranslations = parseJson<Translations>(r.name_translations, {});
  return {
    id: r.id,
    name: r.name,
    nameTranslations,
    displayName: textIn(r.name, nameTranslations, lang),
    fromTemplateId: r.from_template_id,
    trigger: r.trigger_kind as 'completed' | 'remaining',
    remaining: r.remaining,
    toTemplateId: r.to_template_id,
    sendToClient: r.send_to_client === 1,
    message: parseJson<Translations>(r.message, {}),
    active: r.active === 1,
    version: r.version,
  };
}

async function assertTemplates(db: Executor, ids: Array<[string, string | undefined]>): Promise<void> {
  const wanted = ids.filter(([, id]) => id !== undefined) as Array<[string, string]>;
  if (!wanted.length) return;
  const found = new Set(
    (
      await db
        .selectFrom('package_templates')
        .select('id')
        .where(
          'id',
          'in',
          wanted.map(([, id]) => id),
        )
        .execute()
    ).map((r) => r.id),
  );
  const errors: FieldError[] = wanted.filter(([, id]) => !found.has(id)).map(([path]) => ({ path, message: 'unknown package template' }));
  if (errors.length) throw PlatformErrors.validation_failed({ fields: errors.map((e) => e.path).join(', ') }, errors);
}

export async function createRule(tx: Executor, input: RuleCreate, ctx: AuditContext, lang: Language = 'en') {
  await assertTemplates(tx, [
    ['fromTemplateId', input.fromTemplateId],
    ['toTemplateId', input.toTemplateId],
  ]);
  const row: RuleRow = {
    id: newId(),
    name: input.name,
    name_translations: JSON.stringify(cleanTranslations(input.nameTranslations)),
    from_template_id: input.fromTemplateId,
    trigger_kind: input.trigger,
    remaining: input.trigger === 'remaining' ? (input.remaining ?? 1) : null,
    to_template_id: input.toTemplateId,
    send_to_client: input.sendToClient ? 1 : 0,
    message: JSON.stringify(cleanTranslations(input.message)),
    active: input.active === false ? 0 : 1,
    version: 1,
    created_by: ctx.actorId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await tx.insertInto('package_recommendation_rules').values(row).execute();
  await writeAudit(tx, ctx, { action: 'package_rule.create', entityType: 'package_rule', entityId: row.id, after: ruleDto(row) });
  return ruleDto(row, lang);
}

export async function updateRule(tx: Executor, id: string, input: RuleUpdate, ctx: AuditContext, lang: Language = 'en') {
  const row = await tx.selectFrom('package_recommendation_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw PlatformErrors.not_found();
  if (row.version !== input.version) throw PlatformErrors.stale_version();
  await assertTemplates(tx, [
    ['fromTemplateId', input.fromTemplateId],
    ['toTemplateId', input.toTemplateId],
  ]);
  const next: RuleRow = { ...row, version: row.version + 1, updated_at: ctx.now };
  if (input.name !== undefined) next.name = input.name;
  if (input.nameTranslations !== undefined) next.name_translations = JSON.stringify(cleanTranslations(input.nameTranslations));
  if (input.fromTemplateId !== undefined) next.from_template_id = input.fromTemplateId;
  if (input.toTemplateId !== undefined) next.to_template_id = input.toTemplateId;
  if (input.trigger !== undefined) next.trigger_kind = input.trigger;
  if (input.remaining !== undefined) next.remaining = input.remaining;
  if (next.trigger_kind === 'completed') next.remaining = null;
  else if (!next.remaining)
    throw PlatformErrors.validation_failed({ fields: 'remaining' }, [{ path: 'remaining', message: 'say how many sessions remain' }]);
  if (input.sendToClient !== undefined) next.send_to_client = input.sendToClient ? 1 : 0;
  if (input.message !== undefined) next.message = JSON.stringify(cleanTranslations(input.message));
  if (input.active !== undefined) next.active = input.active ? 1 : 0;
  const { id: _id, created_at: _c, created_by: _b, ...patch } = next;
  const res = await tx
    .updateTable('package_recommendation_rules')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw PlatformErrors.stale_version();
  await writeAudit(tx, ctx, {
    action: 'package_rule.update',
    entityType: 'package_rule',
    entityId: id,
    before: ruleDto(row),
    after: ruleDto(next),
  });
  return ruleDto(next, lang);
}

const DEFAULT_TEXT: Record<Language, { subject: string; body: string }> = {
  en: {
    subject: 'Your next step at {store}',
    body: 'Hi {name}, you are nearly through your {from}. To keep the results going, we suggest the {to} next — ask us at your next visit.',
  },
  'zh-CN': {
    subject: '{store}：为您推荐下一阶段疗程',
    body: '{name}您好，您的「{from}」即将完成。为巩固效果，建议您继续「{to}」，欢迎下次到店咨询。',
  },
  'zh-TW': {
    subject: '{store}：為您推薦下一階段療程',
    body: '{name}您好，您的「{from}」即將完成。為鞏固效果，建議您繼續「{to}」，歡迎下次到店諮詢。',
  },
};

/**
 * After a redemption: opens the recommendations whose rule now fires for this package (once per rule and
 * package), and messages the client when the rule says so. Inside the redemption's transaction.
 */
export async function evaluateRecommendations(
  tx: Executor,
  p: { pkg: PackageRow; items: readonly ItemState[]; storeId: string; now: number; afterCommit?: ((fn: () => void) => void) | undefined },
): Promise<number> {
  const rules = await tx
    .selectFrom('package_recommendation_rules')
    .selectAll()
    .where('from_template_id', '=', p.pkg.template_id)
    .where('active', '=', 1)
    .execute();
  if (!rules.length) return 0;
  const remaining = p.items.reduce((a, i) => a + i.balance, 0);
  const used = p.items.reduce((a, i) => a + i.used, 0);
  let opened = 0;
  for (const rule of rules) {
    const trigger =
      rule.trigger_kind === 'remaining'
        ? { trigger: 'remaining' as const, remaining: rule.remaining ?? 1 }
        : { trigger: 'completed' as const };
    if (!ruleFires(trigger, { remaining, used })) continue;
    // Already bought the suggested course? Nothing to suggest.
    const owns = await tx
      .selectFrom('client_packages')
      .select('id')
      .where('client_id', '=', p.pkg.client_id)
      .where('template_id', '=', rule.to_template_id)
      .where('status', '=', 'active')
      .where('purchased_at', '>=', p.pkg.purchased_at)
      .executeTakeFirst();
    if (owns) continue;
    const id = newId();
    const res = await tx
      .insertInto('package_recommendations')
      .values({
        id,
        rule_id: rule.id,
        client_id: p.pkg.client_id,
        from_package_id: p.pkg.id,
        to_template_id: rule.to_template_id,
        store_id: p.storeId,
        status: 'open',
        sent_at: null,
        converted_package_id: null,
        converted_at: null,
        dismissed_at: null,
        created_at: p.now,
      })
      .onConflict((oc) => oc.columns(['rule_id', 'from_package_id']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0n) !== 1) continue;
    opened += 1;
    if (rule.send_to_client !== 1) continue;
    const [to, store] = await Promise.all([
      tx
        .selectFrom('package_templates')
        .select(['name', 'name_translations'])
        .where('id', '=', rule.to_template_id)
        .executeTakeFirstOrThrow(),
      tx.selectFrom('stores').select('name').where('id', '=', p.storeId).executeTakeFirst(),
    ]);
    const custom = parseJson<Translations>(rule.message, {});
    const sent = await notifyClient(tx, {
      clientId: p.pkg.client_id,
      kind: 'recommendation',
      refId: id,
      channels: ['sms', 'email'],
      marketing: true,
      now: p.now,
      afterCommit: p.afterCommit,
      text: (lang, c) => {
        const vars = {
          name: c.name,
          store: store?.name ?? '',
          from: textIn(p.pkg.name, parseJson<Translations>(p.pkg.name_translations, {}), lang),
          to: textIn(to.name, parseJson<Translations>(to.name_translations, {}), lang),
        };
        return { subject: fill(DEFAULT_TEXT[lang].subject, vars), body: fill(custom[lang] ?? DEFAULT_TEXT[lang].body, vars) };
      },
    });
    if (sent) await tx.updateTable('package_recommendations').set({ sent_at: p.now }).where('id', '=', id).execute();
  }
  return opened;
}

/** A purchase of `templateId` converts the client's open recommendations of it. Returns how many. */
export async function convertRecommendations(
  tx: Executor,
  p: { clientId: string; templateId: string; packageId: string; now: number },
): Promise<number> {
  const res = await tx
    .updateTable('package_recommendations')
    .set({ status: 'converted', converted_package_id: p.packageId, converted_at: p.now })
    .where('client_id', '=', p.clientId)
    .where('to_template_id', '=', p.templateId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Open recommendations for a client, newest first: the rule's, the suggested template's and the finishing
 * package's names with their translations, and each resolved in `lang` (the caller's language).
 */
export async function openRecommendations(db: Executor, clientId: string, lang: Language = 'en') {
  const rows = await db
    .selectFrom('package_recommendations as r')
    .innerJoin('package_templates as t', 't.id', 'r.to_template_id')
    .innerJoin('package_recommendation_rules as u', 'u.id', 'r.rule_id')
    .innerJoin('client_packages as p', 'p.id', 'r.from_package_id')
    .select([
      'r.id',
      'r.rule_id',
      'r.to_template_id',
      'r.from_package_id',
      'r.created_at',
      'r.sent_at',
      't.name',
      't.name_translations',
      't.price',
      'u.name as rule_name',
      'u.name_translations as rule_name_translations',
      'p.name as from_name',
      'p.name_translations as from_name_translations',
    ])
    .where('r.client_id', '=', clientId)
    .where('r.status', '=', 'open')
    .orderBy('r.created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const ruleTr = parseJson<Translations>(r.rule_name_translations, {});
    const templateTr = parseJson<Translations>(r.name_translations, {});
    const fromTr = parseJson<Translations>(r.from_name_translations, {});
    return {
      id: r.id,
      ruleId: r.rule_id,
      ruleName: r.rule_name,
      ruleNameTranslations: ruleTr,
      ruleDisplayName: textIn(r.rule_name, ruleTr, lang),
      fromPackageId: r.from_package_id,
      fromPackageName: r.from_name,
      fromPackageNameTranslations: fromTr,
      fromPackageDisplayName: textIn(r.from_name, fromTr, lang),
      templateId: r.to_template_id,
      templateName: r.name,
      templateNameTranslations: templateTr,
      templateDisplayName: textIn(r.name, templateTr, lang),
      price: r.price,
      sentToClient: r.sent_at !== null,
      createdAt: new Date(r.created_at).toISOString(),
    };
  });
}

/**
 * Per rule: suggestions opened in [from, to), how many were messaged, converted, dismissed; the conversion
 * rate. Names (the rule's, the two templates') come with their translations and resolved in `lang`.
 */
export async function recommendationReport(
  db: Executor,
  p: { from: number | null; to: number | null; storeId?: string | undefined },
  lang: Language = 'en',
) {
  let q = db
    .selectFrom('package_recommendation_rules as u')
    .leftJoin('package_recommendations as r', (j) => {
      let on = j.onRef('r.rule_id', '=', 'u.id');
      if (p.from !== null) on = on.on('r.created_at', '>=', p.from);
      if (p.to !== null) on = on.on('r.created_at', '<', p.to);
      if (p.storeId) on = on.on('r.store_id', '=', p.storeId);
      return on;
    })
    .innerJoin('package_templates as ft', 'ft.id', 'u.from_template_id')
    .innerJoin('package_templates as tt', 'tt.id', 'u.to_template_id')
    .select([
      'u.id',
      'u.name',
      'u.name_translations',
      'u.from_template_id',
      'u.to_template_id',
      'ft.name as from_name',
      'ft.name_translations as from_name_translations',
      'tt.name as to_name',
      'tt.name_translations as to_name_translations',
      sql<number>`count(r.id)`.as('suggested'),
      sql<number>`coalesce(sum(case when r.sent_at is not null then 1 else 0 end), 0)`.as('sent'),
      sql<number>`coalesce(sum(case when r.status = 'converted' then 1 else 0 end), 0)`.as('converted'),
      sql<number>`coalesce(sum(case when r.status = 'dismissed' then 1 else 0 end), 0)`.as('dismissed'),
    ])
    .groupBy([
      'u.id',
      'u.name',
      'u.name_translations',
      'u.from_template_id',
      'u.to_template_id',
      'ft.name',
      'ft.name_translations',
      'tt.name',
      'tt.name_translations',
    ])
    .orderBy('u.name');
  q = q.where('u.id', 'is not', null);
  const rows = await q.execute();
  const data = rows.map((r) => {
    const suggested = Number(r.suggested);
    const converted = Number(r.converted);
    const nameTr = parseJson<Translations>(r.name_translations, {});
    const fromTr = parseJson<Translations>(r.from_name_translations, {});
    const toTr = parseJson<Translations>(r.to_name_translations, {});
    return {
      ruleId: r.id,
      name: r.name,
      nameTranslations: nameTr,
      displayName: textIn(r.name, nameTr, lang),
      fromTemplateId: r.from_template_id,
      fromTemplateName: r.from_name,
      fromTemplateNameTranslations: fromTr,
      fromTemplateDisplayName: textIn(r.from_name, fromTr, lang),
      toTemplateId: r.to_template_id,
      toTemplateName: r.to_name,
      toTemplateNameTranslations: toTr,
      toTemplateDisplayName: textIn(r.to_name, toTr, lang),
      suggested,
      sent: Number(r.sent),
      converted,
      dismissed: Number(r.dismissed),
      /** Converted / suggested in basis points (0 when nothing was suggested). */
      conversionBp: suggested ? Math.round((converted * 10_000) / suggested) : 0,
    };
  });
  const suggested = data.reduce((a, r) => a + r.suggested, 0);
  const converted = data.reduce((a, r) => a + r.converted, 0);
  return { rules: data, totals: { suggested, converted, conversionBp: suggested ? Math.round((converted * 10_000) / suggested) : 0 } };
}
