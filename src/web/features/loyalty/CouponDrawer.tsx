// Add or change a coupon campaign: a code or issued to clients only; amount, percent or a free service;
// minimum spend, dates, stores, categories; per-client and total use limits; stacking.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { FormDrawer } from '../../components/FormDrawer.js';
import { Checkbox, Input, Select, Switch } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { isApiError, unplacedErrors } from '../../http/problem.js';
import { Segmented } from '../balances/components/Segmented.js';
import { categoriesQuery, servicesQuery } from '../catalog/api.js';
import { FormSection } from '../catalog/parts/FormSection.js';
import { type Coupon, type CouponInput, couponsQuery, createCoupon, updateCoupon } from './api.js';
import { DateRangeFields } from './parts/DateRangeFields.js';
import { IntInput } from './parts/IntInput.js';
import { MoneyCents } from './parts/MoneyCents.js';
import { StorePicker } from './parts/StorePicker.js';
import { useDrawerSave } from './parts/useDrawerSave.js';

type Props = { coupon: Coupon | null; open: boolean; onClose: () => void };

export function CouponDrawer(props: Props) {
  return props.open ? <CouponForm {...props} /> : null;
}

function CouponForm({ coupon, onClose }: Props) {
  const { t } = useTranslation();
  const services = useQuery(servicesQuery({}));
  const [name, setName] = useState(coupon?.name ?? '');
  const [issuedOnly, setIssuedOnly] = useState(coupon?.issuedOnly ?? false);
  const [code, setCode] = useState(coupon?.code ?? '');
  const [kind, setKind] = useState<Coupon['kind']>(coupon?.kind ?? 'amount');
  const [amount, setAmount] = useState<number | null>(coupon?.kind === 'amount' ? coupon.value : 1_000);
  const [percent, setPercent] = useState<number | null>(coupon?.kind === 'percent' ? coupon.value / 100 : 10);
  const [serviceId, setServiceId] = useState(coupon?.serviceId ?? '');
  const [maxDiscount, setMaxDiscount] = useState<number | null>(coupon?.maxDiscount ?? null);
  const [minSpend, setMinSpend] = useState<number | null>(coupon?.minSpend ?? 0);
  const [startsOn, setStartsOn] = useState(coupon?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(coupon?.endsOn ?? '');
  const [storeIds, setStoreIds] = useState<string[] | null>(coupon?.storeIds ?? null);
  const [perClientLimit, setPerClientLimit] = useState<number | null>(coupon?.perClientLimit ?? 1);
  const [totalLimit, setTotalLimit] = useState<number | null>(coupon?.totalLimit ?? null);
  const [stackable, setStackable] = useState(coupon?.stackable ?? false);
  const [stacksWithTier, setStacksWithTier] = useState(coupon?.stacksWithTier ?? false);
  const [stacksWithManual, setStacksWithManual] = useState(coupon?.stacksWithManual ?? false);
  const [categoryIds, setCategoryIds] = useState<string[]>(coupon?.categoryIds ?? []);
  const categories = useQuery(categoriesQuery());
  const [active, setActive] = useState(coupon?.active ?? true);

  const local: Record<string, string> = {};
  if (!name.trim()) local.name = t('loyalty.required');
  if (!issuedOnly && !/^[A-Za-z0-9-]{3,40}$/.test(code.trim())) local.code = t('loyalty.coupons.codeFormat');
  if (kind === 'amount' && (amount === null || Number.isNaN(amount) || amount < 1)) local.value = t('loyalty.required');
  if (kind === 'percent' && (percent === null || percent < 1 || percent > 100)) local.value = t('loyalty.coupons.percentRange');
  if (kind === 'free_service' && !serviceId) local.serviceId = t('loyalty.required');
  if (startsOn && endsOn && endsOn < startsOn) local.endsOn = t('loyalty.dateOrder');
  if (storeIds && storeIds.length === 0) local.storeIds = t('loyalty.stores.required');

  const { save, server, tried, submit } = useDrawerSave({
    local,
    mutationFn: () => {
      const body: CouponInput = {
        name: name.trim(),
        code: issuedOnly && !code.trim() ? null : code.trim().toUpperCase() || null,
        kind,
        value: kind === 'amount' ? (amount ?? 0) : kind === 'percent' ? Math.round((percent ?? 0) * 100) : 0,
        serviceId: kind === 'free_service' ? serviceId : null,
        maxDiscount: kind === 'percent' ? maxDiscount : null,
        minSpend: minSpend ?? 0,
        startsOn: startsOn || null,
        endsOn: endsOn || null,
        storeIds,
        perClientLimit,
        totalLimit,
        stackable,
        stacksWithTier,
        stacksWithManual,
        categoryIds: kind !== 'free_service' && categoryIds.length ? categoryIds : null,
        issuedOnly,
        active,
      };
      if (coupon) {
        const { kind: _kind, ...patch } = body;
        return updateCoupon(coupon.id, { ...patch, version: coupon.version });
      }
      return createCoupon(body);
    },
    savedMessage: coupon ? t('loyalty.coupons.updated') : t('loyalty.coupons.created'),
    invalidate: [couponsQuery.queryKey],
    onClose,
  });
  if (isApiError(save.error) && save.error.code === 'coupon_code_taken') server.code = save.error.detail ?? save.error.title ?? '';
  const err = (k: string) => (tried ? local[k] : undefined) ?? server[k];

  return (
    <FormDrawer
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitting={save.isPending}
      submitTestId="coupon-save"
      title={coupon ? t('loyalty.coupons.editTitle') : t('loyalty.coupons.addTitle')}
      testId="coupon-drawer"
      width="max-w-xl"
    >
      <FormSection title={t('loyalty.coupons.basics')}>
        <Field label={t('loyalty.coupons.name')} error={err('name')}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            placeholder={t('loyalty.coupons.namePlaceholder')}
            data-testid="coupon-name"
          />
        </Field>
        <Checkbox
          label={t('loyalty.coupons.issuedOnly')}
          description={t('loyalty.coupons.issuedOnlyBody')}
          checked={issuedOnly}
          onChange={(e) => setIssuedOnly(e.target.checked)}
        />
        <Field
          label={t('loyalty.coupons.code')}
          optional={issuedOnly ? t('common.optional') : undefined}
          error={err('code')}
          hint={t('loyalty.coupons.codeHint')}
        >
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            maxLength={40}
            className="font-mono uppercase"
            placeholder="SPRING10"
            data-testid="coupon-code"
          />
        </Field>
        <Switch checked={active} onChange={setActive} label={active ? t('loyalty.coupons.active') : t('loyalty.coupons.inactive')} />
      </FormSection>

      <FormSection title={t('loyalty.coupons.gives')}>
        {coupon ? null : (
          <Segmented
            label={t('loyalty.coupons.gives')}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'amount', label: t('loyalty.coupons.kinds.amount') },
              { value: 'percent', label: t('loyalty.coupons.kinds.percent') },
              { value: 'free_service', label: t('loyalty.coupons.kinds.free_service') },
            ]}
          />
        )}
        {kind === 'amount' ? (
          <Field label={t('loyalty.coupons.amountOff')} error={err('value')}>
            <MoneyCents value={amount} onChange={setAmount} className="w-40" testId="coupon-amount" />
          </Field>
        ) : kind === 'percent' ? (
          <div className="flex flex-wrap gap-4">
            <Field label={t('loyalty.coupons.percentOff')} error={err('value')}>
              <IntInput value={percent} onChange={setPercent} suffix="%" testId="coupon-percent" />
            </Field>
            <Field label={t('loyalty.coupons.maxDiscount')} optional={t('common.optional')} error={err('maxDiscount')}>
              <MoneyCents value={maxDiscount} nullable onChange={setMaxDiscount} className="w-40" />
            </Field>
          </div>
        ) : (
          <Field label={t('loyalty.coupons.service')} error={err('serviceId')}>
            <Select value={serviceId} onChange={(e) => setServiceId(e.target.value)} data-testid="coupon-service">
              <option value="">{t('loyalty.coupons.chooseService')}</option>
              {(services.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t('loyalty.coupons.minSpend')} error={err('minSpend')}>
          <MoneyCents value={minSpend} nullable onChange={setMinSpend} className="w-40" />
        </Field>
        {kind !== 'free_service' && (categories.data ?? []).length > 0 ? (
          <Field label={t('loyalty.coupons.categories')} hint={t('loyalty.coupons.categoriesHint')} error={err('categoryIds')}>
            <div className="flex flex-wrap gap-x-5 gap-y-2" data-testid="coupon-categories">
              {(categories.data ?? []).map((c) => (
                <Checkbox
                  key={c.id}
                  label={c.displayName}
                  checked={categoryIds.includes(c.id)}
                  onChange={(e) => setCategoryIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))}
                />
              ))}
            </div>
          </Field>
        ) : null}
      </FormSection>

      <FormSection title={t('loyalty.coupons.stacking')} description={t('loyalty.coupons.stackingBody')}>
        <Checkbox
          label={t('loyalty.coupons.stackable')}
          description={t('loyalty.coupons.stackableBody')}
          checked={stackable}
          onChange={(e) => setStackable(e.target.checked)}
          data-testid="coupon-stackable"
        />
        <Checkbox
          label={t('loyalty.coupons.stacksWithTier')}
          description={t('loyalty.coupons.stacksWithTierBody')}
          checked={stacksWithTier}
          onChange={(e) => setStacksWithTier(e.target.checked)}
          data-testid="coupon-stacks-tier"
        />
        <Checkbox
          label={t('loyalty.coupons.stacksWithManual')}
          description={t('loyalty.coupons.stacksWithManualBody')}
          checked={stacksWithManual}
          onChange={(e) => setStacksWithManual(e.target.checked)}
          data-testid="coupon-stacks-manual"
        />
      </FormSection>

      <FormSection title={t('loyalty.coupons.limits')} description={t('loyalty.coupons.limitsBody')}>
        <div className="flex flex-wrap gap-4">
          <Field label={t('loyalty.coupons.perClient')} hint={t('loyalty.blankNoLimit')} error={err('perClientLimit')}>
            <IntInput value={perClientLimit} onChange={setPerClientLimit} />
          </Field>
          <Field label={t('loyalty.coupons.total')} hint={t('loyalty.blankNoLimit')} error={err('totalLimit')}>
            <IntInput value={totalLimit} onChange={setTotalLimit} testId="coupon-total-limit" />
          </Field>
        </div>
      </FormSection>

      <FormSection title={t('loyalty.coupons.where')}>
        <DateRangeFields
          startsOn={startsOn}
          endsOn={endsOn}
          onStartsOn={setStartsOn}
          onEndsOn={setEndsOn}
          startsError={err('startsOn')}
          endsError={err('endsOn')}
        />
        <StorePicker value={storeIds} onChange={setStoreIds} error={err('storeIds')} />
      </FormSection>

      {save.error && !(isApiError(save.error) && save.error.code === 'coupon_code_taken') ? (
        <ProblemAlert
          error={save.error}
          extra={unplacedErrors(save.error, [
            'name',
            'code',
            'value',
            'serviceId',
            'maxDiscount',
            'minSpend',
            'startsOn',
            'endsOn',
            'storeIds',
            'perClientLimit',
            'totalLimit',
          ])}
          testId="coupon-error"
        />
      ) : null}
    </FormDrawer>
  );
}
