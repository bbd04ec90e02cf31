// The server's allocation of a package price over its sessions (modules/packages/rules.ts), mirrored for
// the template editor's live preview: first over the items in proportion to their weights (value per
// session × sessions), then evenly over each item's sessions, the odd cents to the earlier ones. Pure.

/** Splits `amount` cents in proportion to integer `weights` (largest remainders; ties to the earlier). */
export function allocate(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (total === 0n) return weights.map(() => 0);
  const big = BigInt(amount);
  const parts = weights.map((w) => (big * BigInt(w)) / total);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % total }));
  let left = Number(big - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
  }
  return parts.map(Number);
}

export interface AllocationItem {
  sessions: number;
  /** Value per session × sessions (only proportions matter). */
  weight: number;
}

/** Cents per session, per item; each item's parts sum to its share and all of them to `price`. */
export function allocatePackage(price: number, items: readonly AllocationItem[]): number[][] {
  if (!items.length || !Number.isSafeInteger(price) || price < 0) return items.map((it) => Array.from({ length: it.sessions }, () => 0));
  const weights = items.every((it) => it.weight === 0) ? items.map((it) => it.sessions) : items.map((it) => it.weight);
  const perItem = allocate(price, weights);
  return items.map((it, i) =>
    allocate(
      perItem[i] ?? 0,
      Array.from({ length: Math.max(0, it.sessions) }, () => 1),
    ),
  );
}

/** The weight of an item as the server computes it: its value per session (or the dearest service's price) × sessions. */
export function itemWeight(
  item: { sessions: number; valuePerSession: number | null; serviceIds: readonly string[] },
  priceOf: (serviceId: string) => number,
) {
  const listPrice = item.serviceIds.length ? Math.max(...item.serviceIds.map(priceOf)) : 0;
  return (item.valuePerSession ?? listPrice) * item.sessions;
}

/** What the sessions would cost one by one at list price (for the "you save" line). */
export function listValue(
  items: ReadonlyArray<{ sessions: number; serviceIds: readonly string[] }>,
  priceOf: (serviceId: string) => number,
) {
  return items.reduce((sum, it) => sum + (it.serviceIds.length ? Math.max(...it.serviceIds.map(priceOf)) : 0) * it.sessions, 0);
}
