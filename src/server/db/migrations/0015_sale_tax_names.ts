import type { Kysely } from 'kysely';

// Tax rate names in every language on the sale: a completed sale keeps the names its rates had (a rate
// renamed or removed later still prints in the receipt's language on old receipts and X / Z reports).
// Rows written before this keep their English name; where the store's current rate of the same code and
// name has translations, they are copied onto those rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sale_taxes')
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await backfillTaxNames(db);
}

/**
 * Copies each store's current rate names onto its sales' tax rows of the same code and English name that
 * hold none yet. Also the path for restoring an older backup into this schema.
 */
export async function backfillTaxNames(db: Kysely<any>): Promise<void> {
  const stores = await db.selectFrom('stores').select(['id', 'tax_settings']).execute();
  for (const store of stores) {
    let rates: Array<{ code?: unknown; name?: unknown; nameTranslations?: unknown }> = [];
    try {
      const parsed = JSON.parse(store.tax_settings ?? '{}') as { rates?: unknown };
      if (Array.isArray(parsed.rates)) rates = parsed.rates;
    } catch {
      continue;
    }
    for (const rate of rates) {
      const t = rate.nameTranslations;
      if (typeof rate.code !== 'string' || typeof rate.name !== 'string' || !t || typeof t !== 'object') continue;
      await db
        .updateTable('sale_taxes')
        .set({ name_translations: JSON.stringify({ en: rate.name, ...t }) })
        .where('code', '=', rate.code)
        .where('name', '=', rate.name)
        .where('name_translations', '=', '{}')
        .where('sale_id', 'in', db.selectFrom('sales').select('id').where('store_id', '=', store.id))
        .execute();
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('Orchid migrations are forward-only; restore a backup to go back.');
}
