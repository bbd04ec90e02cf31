// Tips: the store's preset percentages of the pre-tax service amount (the server computed each amount),
// a typed amount, or none; split among the ticket's technicians by service share, equally, or by hand.
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { parseMoney, useMoney } from '../lib/money.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Sale, TipBody, TipSplit } from '../types.js';

export type TipChoice = { mode: 'none' } | { mode: 'percent'; percent: number } | { mode: 'amount'; text: string };

export type TipState = { choice: TipChoice; split: TipSplit; manual: Record<string, string> };

export const NO_TIP: TipState = { choice: { mode: 'none' }, split: 'share', manual: {} };

/** The tip in cents as the server will compute it (presets: the server's own suggestion amounts). */
export function tipCents(sale: Sale, tip: TipState): number | null {
  const c = tip.choice;
  if (c.mode === 'none') return 0;
  if (c.mode === 'percent') return sale.tipSuggestions.find((s) => s.percent === c.percent)?.amount ?? null;
  return parseMoney(c.text);
}

/** Manual shares in cents, by technician (null when one is not an amount). */
export function manualShares(tip: TipState, technicians: readonly string[]): Array<{ staffId: string; amount: number }> | null {
  const out: Array<{ staffId: string; amount: number }> = [];
  for (const staffId of technicians) {
    const text = tip.manual[staffId] ?? '';
    const cents = text.trim() ? parseMoney(text) : 0;
    if (cents === null) return null;
    out.push({ staffId, amount: cents });
  }
  return out;
}

/** The `tip` of the completion body, or undefined for no tip. */
export function tipBody(sale: Sale, tip: TipState, technicians: readonly string[]): TipBody | undefined {
  const cents = tipCents(sale, tip);
  if (!cents) return undefined;
  const split: TipSplit = technicians.length > 1 ? tip.split : 'share';
  const body: TipBody = tip.choice.mode === 'percent' ? { percent: tip.choice.percent, split } : { amount: cents, split };
  if (split === 'manual') body.allocations = manualShares(tip, technicians) ?? [];
  return body;
}

export function TipSection({
  sale,
  staff,
  technicians,
  tip,
  onChange,
}: {
  sale: Sale;
  staff: StoreStaff;
  technicians: readonly string[];
  tip: TipState;
  onChange: (tip: TipState) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(sale.currency);
  const c = tip.choice;
  const cents = tipCents(sale, tip);
  const shares = manualShares(tip, technicians);
  const shareSum = shares?.reduce((a, s) => a + s.amount, 0) ?? null;

  if (technicians.length === 0) {
    return (
      <section className="space-y-2" data-testid="tip-section">
        <h3 className="text-sm font-semibold text-zinc-900">{t('checkout.pay.tip')}</h3>
        <p className="rounded-lg bg-zinc-50 px-3 py-2 text-sm text-zinc-500 ring-1 ring-zinc-200">{t('checkout.pay.tipNeedsTechnician')}</p>
      </section>
    );
  }

  const option = (on: boolean) =>
    cx(
      'flex h-16 flex-col items-center justify-center rounded-xl text-sm font-semibold ring-1 ring-inset transition-colors',
      on ? 'bg-orchid-700 text-white ring-orchid-700' : 'bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50',
    );

  return (
    <section className="space-y-3" data-testid="tip-section">
      <div className="flex items-baseline justify-between">
        <h3 className="text-sm font-semibold text-zinc-900">{t('checkout.pay.tip')}</h3>
        <span className="text-xs text-zinc-500">{t('checkout.pay.tipBase', { amount: money(sale.tipBase) })}</span>
      </div>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        <button
          type="button"
          className={option(c.mode === 'none')}
          onClick={() => onChange({ ...tip, choice: { mode: 'none' } })}
          data-testid="tip-none"
        >
          {t('checkout.pay.noTip')}
        </button>
        {sale.tipSuggestions.map((s) => (
          <button
            key={s.percent}
            type="button"
            className={option(c.mode === 'percent' && c.percent === s.percent)}
            onClick={() => onChange({ ...tip, choice: { mode: 'percent', percent: s.percent } })}
            data-testid={`tip-${s.percent}`}
          >
            <span className="text-base">{s.percent}%</span>
            <span
              className={cx(
                'text-xs font-medium tabular-nums',
                c.mode === 'percent' && c.percent === s.percent ? 'text-orchid-100' : 'text-zinc-500',
              )}
            >
              {money(s.amount)}
            </span>
          </button>
        ))}
        <button
          type="button"
          className={option(c.mode === 'amount')}
          onClick={() => onChange({ ...tip, choice: { mode: 'amount', text: c.mode === 'amount' ? c.text : '' } })}
          data-testid="tip-custom"
        >
          {t('checkout.pay.customTip')}
        </button>
      </div>
      {c.mode === 'amount' ? (
        <MoneyInput
          value={c.text}
          onChange={(text) => onChange({ ...tip, choice: { mode: 'amount', text } })}
          currency={sale.currency}
          data-testid="tip-amount"
          aria-label={t('checkout.pay.customTip')}
          invalid={c.text.trim() !== '' && cents === null}
        />
      ) : null}
      {technicians.length > 1 && cents ? (
        <div className="space-y-2">
          <p className="text-xs font-medium uppercase tracking-wide text-zinc-500">{t('checkout.pay.split')}</p>
          <div className="grid grid-cols-3 gap-1 rounded-xl bg-zinc-100 p-1">
            {(['share', 'equal', 'manual'] as const).map((k) => (
              <button
                key={k}
                type="button"
                aria-pressed={tip.split === k}
                data-testid={`tip-split-${k}`}
                onClick={() => onChange({ ...tip, split: k })}
                className={cx(
                  'h-10 rounded-lg text-sm font-medium',
                  tip.split === k ? 'bg-white text-zinc-900 shadow-sm' : 'text-zinc-600',
                )}
              >
                {t(`checkout.pay.splits.${k}`)}
              </button>
            ))}
          </div>
          {tip.split === 'manual' ? (
            <div className="space-y-2">
              {technicians.map((id) => (
                <div key={id} className="flex items-center gap-3">
                  <span className="min-w-0 flex-1 truncate text-sm text-zinc-700">{staff.name(id)}</span>
                  <MoneyInput
                    value={tip.manual[id] ?? ''}
                    onChange={(text) => onChange({ ...tip, manual: { ...tip.manual, [id]: text } })}
                    currency={sale.currency}
                    className="w-32"
                    aria-label={staff.name(id)}
                    data-testid="tip-share"
                  />
                </div>
              ))}
              <p
                className={cx('text-right text-xs tabular-nums', shareSum === cents ? 'text-emerald-700' : 'text-amber-700')}
                data-testid="tip-share-sum"
              >
                {t('checkout.pay.sharesOf', { shares: money(shareSum ?? 0), tip: money(cents) })}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
