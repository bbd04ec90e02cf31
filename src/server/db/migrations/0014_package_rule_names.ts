import type { Kysely } from 'kysely';

// Recommendation rules get their name in every language, like catalog services and package templates:
// `name_translations` JSON { 'zh-CN': …, 'zh-TW': … } beside the base `name`, so the appointment drawer,
// checkout and the recommendation report show "建议进阶修护疗程" to a Chinese reader.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('package_recommendation_rules')
    .addColumn('name_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
