// Custom tax rates: name, percent (up to 4 decimals), which tax classes it applies to, compound (charged on
// top of the other rates) — and whether the store's prices already include tax.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { Checkbox, Input, Switch } from '../../../components/Input.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { fieldErrors } from '../../../http/problem.js';
import type { TaxRate, TaxSettings } from '../types.js';

const CLASSES = ['service', 'product'] as const;
const RATE = /^\d{1,2}(\.\d{1,4})?$/;
let uid = 0;

// Receipts and X / Z reports print a rate's name in the receipt's language; English is the name itself.
const TRANSLATED = ['zh-CN', 'zh-TW'] as const;
const LANGUAGE_NAMES: Record<(typeof TRANSLATED)[number], string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文' };

/** The rate's translations with one language set as typed (blank removes it); undefined when none is left. */
export function withName(
  current: TaxRate['nameTranslations'],
  lang: (typeof TRANSLATED)[number],
  value: string,
): TaxRate['nameTranslations'] {
  const next = { ...current, [lang]: value };
  if (!value.trim()) delete next[lang];
  return Object.keys(next).length ? next : undefined;
}

type Row = {
  uid: number;
  code: string;
  name: string;
  rate: string;
  appliesTo: string[];
  compound: boolean;
  nameTranslations?: TaxRate['nameTranslations'];
};

export function codeFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'r$1')
      .slice(0, 28) || 'tax';
  let code = /^[a-z]/.test(base) ? base : `tax_${base}`;
  let n = 2;
  while (taken.includes(code)) code = `${base}_${n++}`;
  return code;
}

export function TaxRatesEditor({
  initial,
  saving,
  error,
  onSave,
  onCancel,
}: {
  initial: TaxSettings;
  saving: boolean;
  error: unknown;
  onSave: (body: Omit<TaxSettings, 'preset'>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [inclusive, setInclusive] = useState(initial.pricesIncludeTax);
  const [rows, setRows] = useState<Row[]>(() => initial.rates.map((r) => ({ ...r, uid: ++uid })));
  const [tried, setTried] = useState(false);
  const server = fieldErrors(error);
  const set = (i: number, patch: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const rowErrors = rows.map((r) => ({
    name: !r.name.trim() ? t('checkout.settings.nameRequired') : undefined,
    rate: !RATE.test(r.rate.trim()) ? t('checkout.settings.rateInvalid') : undefined,
    appliesTo: r.appliesTo.length === 0 ? t('checkout.settings.classRequired') : undefined,
  }));
  const valid = rowErrors.every((e) => !e.name && !e.rate && !e.appliesTo);

  const save = () => {
    setTried(true);
    if (!valid) return;
    const codes: string[] = rows.map((r) => r.code).filter(Boolean);
    const rates: TaxRate[] = rows.map((r) => {
      const code = r.code || codeFor(r.name, codes);
      if (!r.code) codes.push(code);
      return {
        code,
        name: r.name.trim(),
        ...(r.nameTranslations
          ? { nameTranslations: Object.fromEntries(Object.entries(r.nameTranslations).map(([k, v]) => [k, v.trim()])) }
          : {}),
        rate: r.rate.trim(),
        appliesTo: r.appliesTo,
        compound: r.compound,
      };
    });
    onSave({ pricesIncludeTax: inclusive, rates });
  };

  return (
    <div className="space-y-4" data-testid="tax-editor">
      <Switch checked={inclusive} onChange={setInclusive} label={t('checkout.settings.pricesInclude')} />
      <ul className="space-y-3">
        {rows.map((r, i) => {
          const err = (k: 'name' | 'rate' | 'appliesTo') => (tried ? rowErrors[i]![k] : undefined) ?? server[`rates.${i}.${k}`];
          return (
            <li key={r.uid} className="rounded-xl p-3 ring-1 ring-zinc-200" data-testid="tax-rate-row">
              <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto]">
                <Field label={t('checkout.settings.rateName')} error={err('name')}>
                  <Input value={r.name} onChange={(e) => set(i, { name: e.target.value })} maxLength={60} data-testid="tax-rate-name" />
                </Field>
                <Field label={t('checkout.settings.ratePercent')} error={err('rate')}>
                  <div className="relative">
                    <Input
                      value={r.rate}
                      onChange={(e) => set(i, { rate: e.target.value })}
                      inputMode="decimal"
                      className="pr-7 tabular-nums"
                      data-testid="tax-rate-percent"
                    />
                    <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
                  </div>
                </Field>
                <div className="flex items-end justify-end">
                  <IconButton
                    icon="trash"
                    label={t('checkout.settings.removeRate')}
                    onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                  />
                </div>
              </div>
              <div className="mt-3 grid gap-3 sm:grid-cols-2">
                {TRANSLATED.map((lang) => (
                  <Field
                    key={lang}
                    label={t('checkout.settings.rateNameIn', { language: LANGUAGE_NAMES[lang] })}
                    optional={t('common.optional')}
                  >
                    <Input
                      value={r.nameTranslations?.[lang] ?? ''}
                      onChange={(e) => set(i, { nameTranslations: withName(r.nameTranslations, lang, e.target.value) })}
                      maxLength={60}
                      data-testid={`tax-rate-name-${lang}`}
                    />
                  </Field>
                ))}
              </div>
              <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2">
                {CLASSES.map((c) => (
                  <Checkbox
                    key={c}
                    label={t(`checkout.settings.classes.${c}`)}
                    checked={r.appliesTo.includes(c)}
                    onChange={(e) => set(i, { appliesTo: e.target.checked ? [...r.appliesTo, c] : r.appliesTo.filter((x) => x !== c) })}
                  />
                ))}
                <Checkbox
                  label={t('checkout.settings.compound')}
                  description={t('checkout.settings.compoundHint')}
                  checked={r.compound}
                  onChange={(e) => set(i, { compound: e.target.checked })}
                />
              </div>
              {err('appliesTo') ? <p className="mt-2 text-sm text-red-700">{err('appliesTo')}</p> : null}
            </li>
          );
        })}
      </ul>
      <Button
        icon="plus"
        size="sm"
        onClick={() =>
          setRows((list) => [...list, { uid: ++uid, code: '', name: '', rate: '', appliesTo: ['service', 'product'], compound: false }])
        }
        disabled={rows.length >= 10}
        data-testid="tax-add-rate"
      >
        {t('checkout.settings.addRate')}
      </Button>
      {error ? <ProblemAlert error={error} /> : null}
      <div className="flex justify-end gap-2 border-t border-zinc-100 pt-4">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button variant="primary" onClick={save} loading={saving} data-testid="tax-save">
          {t('common.saveChanges')}
        </Button>
      </div>
    </div>
  );
}
