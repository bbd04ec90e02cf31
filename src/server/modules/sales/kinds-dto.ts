// GET /sales/kinds: the line kinds and tenders registered with checkout (built in, ledgers, packages,
// appointments…), labelled in the reader's language, whether each is on at the store, and the fields of
// its own a request body carries (JSON Schema of its zod schema), so the web offers a newly registered
// kind without a change of its own.
import { z } from 'zod';
import type { Executor } from '../../db/tx.js';
import type { Language } from '../../platform/i18n.js';
import { allLineKinds, allTenderKinds, type KindPresentation, type LineKind, type TenderKind } from './registry.js';

type Kind = (LineKind | TenderKind) & KindPresentation;

// A kind's schema never changes after registration: convert it once.
const schemas = new WeakMap<Kind, Record<string, unknown>>();
function inputSchema(kind: Kind): Record<string, unknown> {
  let s = schemas.get(kind);
  if (!s) {
    const { $schema: _drop, ...rest } = z.toJSONSchema(kind.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    s = rest;
    schemas.set(kind, s);
  }
  return s;
}

async function describe(tx: Executor, kind: Kind, storeId: string, lang: Language) {
  return {
    kind: kind.kind,
    label: kind.label[lang],
    enabled: kind.enabled ? await kind.enabled(tx, storeId) : true,
    requiresClient: kind.requiresClient ?? false,
    /** The kind's own fields in a line or tender body (besides the common ones). */
    input: inputSchema(kind),
    fieldLabels: Object.fromEntries(Object.entries(kind.fieldLabels ?? {}).map(([field, m]) => [field, m[lang]])),
  };
}

export async function kindsDto(tx: Executor, storeId: string, lang: Language) {
  const [lineKinds, tenders] = await Promise.all([
    Promise.all(allLineKinds().map((k) => describe(tx, k, storeId, lang))),
    Promise.all(allTenderKinds().map(async (k) => ({ ...(await describe(tx, k, storeId, lang)), cash: k.cash ?? false }))),
  ]);
  return { lineKinds, tenders };
}
