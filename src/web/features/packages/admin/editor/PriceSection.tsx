// The price, and how it is spread over the sessions (what each session is worth for deferred revenue,
// refunds and, later, inter-store settlement), computed live exactly as the server will.
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../components/Field.js';
import { useMe } from '../../../auth/session.js';
import { parseMoney } from '../../../catalog/money.js';
import { MoneyInput } from '../../../catalog/parts/MoneyInput.js';
import type { AnyService } from '../../../catalog/types.js';
import { allocatePackage, itemWeight, listValue } from '../../allocation.js';
import { useMoney } from '../../format.js';
import { type FormErrors, sessionsOf, type TemplateForm } from '../templateForm.js';
import { EditorSection, useErr } from './shared.js';

export function PriceSection({
  form,
  set,
  errors,
  services,
}: {
  form: TemplateForm;
  set: (patch: Partial<TemplateForm>) => void;
  errors: FormErrors;
  services: AnyService[];
}) {
  const { t } = useTranslation();
  const me = useMe();
  const money = useMoney();
  const err = useErr();
  const prices = new Map(services.map((s) => [s.id, s.price]));
  const priceOf = (id: string) => prices.get(id) ?? 0;
  const price = parseMoney(form.price);
  const items = form.items.map((it) => ({
    label: it.label,
    sessions: sessionsOf(it),
    serviceIds: it.serviceIds,
    valuePerSession: it.value.trim() ? parseMoney(it.value) : null,
  }));
  const ready = price !== null && items.every((it) => it.sessions > 0);
  const allocation = ready
    ? allocatePackage(
        price,
        items.map((it) => ({ sessions: it.sessions, weight: itemWeight(it, priceOf) })),
      )
    : null;
  const list = listValue(items, priceOf);
  const total = items.reduce((a, it) => a + it.sessions, 0);
  const saving = price !== null && list > price ? list - price : 0;

  return (
    <EditorSection title={t('packages.editor.price')} description={t('packages.editor.priceHint')} testId="editor-price">
      <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
        <Field label={t('packages.editor.packagePrice')} error={err(errors.price)} className="w-44">
          <MoneyInput
            value={form.price}
            onChange={(price) => set({ price })}
            currency={me.business.currency}
            data-testid="editor-price-input"
          />
        </Field>
        {price !== null && total > 0 ? (
          <dl className="flex flex-wrap gap-x-8 gap-y-2 pb-1 text-sm">
            <div>
              <dt className="text-zinc-500">{t('packages.editor.perSessionAvg')}</dt>
              <dd className="font-semibold tabular-nums text-zinc-900">{money(Math.round(price / total))}</dd>
            </div>
            {list ? (
              <div>
                <dt className="text-zinc-500">{t('packages.editor.listValue')}</dt>
                <dd className="font-semibold tabular-nums text-zinc-900">{money(list)}</dd>
              </div>
            ) : null}
            {saving ? (
              <div>
                <dt className="text-zinc-500">{t('packages.editor.clientSaves')}</dt>
                <dd className="font-semibold tabular-nums text-emerald-700" data-testid="editor-saving">
                  {money(saving)} ({Math.round((saving / list) * 100)}%)
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </div>
      {allocation ? (
        <div className="overflow-x-auto rounded-xl ring-1 ring-zinc-200" data-testid="allocation-preview">
          <table className="w-full text-left text-sm">
            <thead className="bg-zinc-50 text-xs font-medium uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-3 py-2">{t('packages.editor.allocItem')}</th>
                <th className="px-3 py-2 text-right">{t('packages.editor.sessions')}</th>
                <th className="px-3 py-2 text-right">{t('packages.editor.allocEach')}</th>
                <th className="px-3 py-2 text-right">{t('packages.editor.allocTotal')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((it, i) => {
                const parts = allocation[i] ?? [];
                const hi = Math.max(...parts, 0);
                const lo = Math.min(...parts, hi);
                return (
                  <tr key={form.items[i]!.uid} data-testid="allocation-row">
                    <td className="px-3 py-2 text-zinc-800">{it.label || t('packages.editor.itemN', { n: i + 1 })}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{it.sessions}</td>
                    <td className="px-3 py-2 text-right tabular-nums" data-testid="allocation-each">
                      {hi === lo ? money(hi) : `${money(lo)}–${money(hi)}`}
                    </td>
                    <td className="px-3 py-2 text-right font-medium tabular-nums">{money(parts.reduce((a, b) => a + b, 0))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="border-t border-zinc-100 bg-zinc-50/60 px-3 py-2 text-xs text-zinc-500">{t('packages.editor.allocNote')}</p>
        </div>
      ) : null}
    </EditorSection>
  );
}
