// Add or change a top-up bonus rule: thresholds ("pay $100 get $20, pay $500 get $150"), dates, stores,
// first top-up only, on/off — with what the rule gives for a few amounts as it is typed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { FormDrawer } from '../../components/FormDrawer.js';
import { Checkbox, Input, Switch } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { unplacedErrors } from '../../http/problem.js';
import { useMoney } from '../balances/money.js';
import { FormSection } from '../catalog/parts/FormSection.js';
import { type BonusRule, bonusRulesQuery, createBonusRule, type RuleInput, updateBonusRule } from './api.js';
import { checkRule, ruleBonus, type ThresholdDraft } from './bonus.js';
import { DateRangeFields } from './parts/DateRangeFields.js';
import { MoneyCents } from './parts/MoneyCents.js';
import { StorePicker } from './parts/StorePicker.js';
import { useDrawerSave } from './parts/useDrawerSave.js';

let seq = 0;
const key = () => `t${++seq}`;

type Props = { rule: BonusRule | null; open: boolean; onClose: () => void };

export function BonusRuleDrawer(props: Props) {
  return props.open ? <RuleForm {...props} /> : null;
}

function RuleForm({ rule, onClose }: Props) {
  const { t } = useTranslation();
  const { m } = useMoney();
  const [name, setName] = useState(rule?.name ?? '');
  const [thresholds, setThresholds] = useState<ThresholdDraft[]>(
    rule ? rule.thresholds.map((x) => ({ key: key(), ...x })) : [{ key: key(), pay: 10_000, bonus: 2_000 }],
  );
  const [startsOn, setStartsOn] = useState(rule?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(rule?.endsOn ?? '');
  const [storeIds, setStoreIds] = useState<string[] | null>(rule?.storeIds ?? null);
  const [firstTopUpOnly, setFirstTopUpOnly] = useState(rule?.firstTopUpOnly ?? false);
  const [active, setActive] = useState(rule?.active ?? true);

  const local = checkRule({ name, thresholds, startsOn, endsOn, storeIds });
  const { save, server, tried, submit } = useDrawerSave({
    local,
    mutationFn: () => {
      const body: RuleInput = {
        name: name.trim(),
        thresholds: thresholds.map((x) => ({ pay: x.pay ?? 0, bonus: x.bonus ?? 0 })),
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        storeIds,
        firstTopUpOnly,
        active,
      };
      return rule ? updateBonusRule(rule.id, { ...body, version: rule.version }) : createBonusRule(body);
    },
    savedMessage: rule ? t('loyalty.bonuses.updated') : t('loyalty.bonuses.created'),
    invalidate: [bonusRulesQuery.queryKey, ['balances']],
    onClose,
  });
  const err = (k: keyof typeof local, message: string) => (tried && local[k] ? message : undefined);
  const samples = [...new Set([...thresholds.map((x) => x.pay ?? 0).filter((p) => p > 0), 5_000, 30_000])]
    .sort((a, b) => a - b)
    .slice(0, 6);
  const validThresholds = thresholds.filter(
    (x) => x.pay !== null && x.bonus !== null && !Number.isNaN(x.pay) && !Number.isNaN(x.bonus),
  ) as { pay: number; bonus: number }[];

  return (
    <FormDrawer
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitting={save.isPending}
      submitTestId="bonus-rule-save"
      title={rule ? t('loyalty.bonuses.editTitle') : t('loyalty.bonuses.addTitle')}
      description={t('loyalty.bonuses.drawerBody')}
      testId="bonus-rule-drawer"
      width="max-w-xl"
    >
      <FormSection title={t('loyalty.bonuses.basics')}>
        <Field label={t('loyalty.bonuses.name')} error={err('name', t('loyalty.required')) ?? server.name}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            placeholder={t('loyalty.bonuses.namePlaceholder')}
            data-testid="bonus-rule-name"
          />
        </Field>
        <Switch checked={active} onChange={setActive} label={active ? t('loyalty.bonuses.active') : t('loyalty.bonuses.paused')} />
      </FormSection>

      <FormSection title={t('loyalty.bonuses.thresholds')} description={t('loyalty.bonuses.thresholdsBody')} testId="bonus-rule-thresholds">
        <div className="space-y-2">
          {thresholds.map((x, i) => (
            <div key={x.key} className="flex items-center gap-2" data-testid="bonus-threshold">
              <span className="w-10 shrink-0 text-sm text-zinc-500">{t('loyalty.bonuses.pay')}</span>
              <MoneyCents
                value={x.pay}
                onChange={(pay) => setThresholds(thresholds.map((y, j) => (j === i ? { ...y, pay } : y)))}
                className="min-w-0 flex-1"
                testId={`bonus-threshold-pay-${i}`}
              />
              <span className="w-10 shrink-0 text-center text-sm text-zinc-500">{t('loyalty.bonuses.get')}</span>
              <MoneyCents
                value={x.bonus}
                onChange={(bonus) => setThresholds(thresholds.map((y, j) => (j === i ? { ...y, bonus } : y)))}
                className="min-w-0 flex-1"
                testId={`bonus-threshold-bonus-${i}`}
              />
              <IconButton
                icon="trash"
                label={t('loyalty.remove')}
                disabled={thresholds.length === 1}
                onClick={() => setThresholds(thresholds.filter((_, j) => j !== i))}
              />
            </div>
          ))}
        </div>
        {tried && local.thresholds ? (
          <p className="text-sm text-red-700" role="alert">
            {t(`loyalty.bonuses.thresholdErrors.${local.thresholds}`)}
          </p>
        ) : server.thresholds ? (
          <p className="text-sm text-red-700" role="alert">
            {server.thresholds}
          </p>
        ) : null}
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          onClick={() => {
            const top = Math.max(0, ...thresholds.map((x) => x.pay ?? 0));
            setThresholds([...thresholds, { key: key(), pay: top ? top * 2 : 10_000, bonus: null }]);
          }}
          data-testid="bonus-threshold-add"
        >
          {t('loyalty.bonuses.addThreshold')}
        </Button>
        {validThresholds.length > 0 ? (
          <div
            className="rounded-lg bg-amber-50 px-3.5 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200"
            data-testid="bonus-rule-preview"
          >
            <p className="font-medium">{t('loyalty.bonuses.previewTitle')}</p>
            <ul className="mt-1.5 grid grid-cols-2 gap-x-4 gap-y-1 tabular-nums sm:grid-cols-3">
              {samples.map((amount) => (
                <li key={amount}>
                  {m(amount)} → <strong>{m(amount + ruleBonus(validThresholds, amount))}</strong>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </FormSection>

      <FormSection title={t('loyalty.bonuses.when')} description={t('loyalty.bonuses.whenBody')}>
        <DateRangeFields
          startsOn={startsOn}
          endsOn={endsOn}
          onStartsOn={setStartsOn}
          onEndsOn={setEndsOn}
          startsError={server.startsOn}
          endsError={err('endsOn', t('loyalty.dateOrder')) ?? server.endsOn}
          testIds={{ starts: 'bonus-rule-starts', ends: 'bonus-rule-ends' }}
        />
        <Checkbox
          label={t('loyalty.bonuses.firstOnly')}
          description={t('loyalty.bonuses.firstOnlyBody')}
          checked={firstTopUpOnly}
          onChange={(e) => setFirstTopUpOnly(e.target.checked)}
          data-testid="bonus-rule-first-only"
        />
      </FormSection>

      <FormSection title={t('loyalty.bonuses.stores')}>
        <StorePicker
          value={storeIds}
          onChange={setStoreIds}
          testId="bonus-rule-stores"
          error={err('stores', t('loyalty.stores.required'))}
        />
      </FormSection>

      {save.error ? (
        <ProblemAlert
          error={save.error}
          extra={unplacedErrors(save.error, ['name', 'thresholds', 'startsOn', 'endsOn'])}
          testId="bonus-rule-error"
        />
      ) : null}
    </FormDrawer>
  );
}
