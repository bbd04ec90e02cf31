// The bonus one rule gives for a top-up (as the server's ruleBonus, before HQ's cap on store rules):
// its highest threshold reached. "Pay $100 get $20, pay $500 get $150": $300 → $20, $500 → $150.
export function ruleBonus(thresholds: readonly { pay: number; bonus: number }[], amount: number): number {
  let best = 0;
  for (const t of thresholds) if (t.pay <= amount && t.bonus > best) best = t.bonus;
  return best;
}

export type ThresholdDraft = { key: string; pay: number | null; bonus: number | null };

export type RuleDraftErrors = {
  name?: 'required';
  thresholds?: 'required' | 'duplicate' | 'invalid';
  endsOn?: 'order';
  stores?: 'required';
};

/** Checks a rule form before it is sent (the server checks again). */
export function checkRule(d: {
  name: string;
  thresholds: readonly ThresholdDraft[];
  startsOn: string;
  endsOn: string;
  storeIds: readonly string[] | null;
}): RuleDraftErrors {
  const e: RuleDraftErrors = {};
  if (!d.name.trim()) e.name = 'required';
  if (d.thresholds.length === 0) e.thresholds = 'required';
  else if (
    d.thresholds.some((t) => t.pay === null || Number.isNaN(t.pay) || t.pay < 1 || t.bonus === null || Number.isNaN(t.bonus) || t.bonus < 0)
  )
    e.thresholds = 'invalid';
  else if (new Set(d.thresholds.map((t) => t.pay)).size !== d.thresholds.length) e.thresholds = 'duplicate';
  if (d.startsOn && d.endsOn && d.endsOn < d.startsOn) e.endsOn = 'order';
  if (d.storeIds && d.storeIds.length === 0) e.stores = 'required';
  return e;
}
