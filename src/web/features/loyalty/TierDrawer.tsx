// Add or change a membership tier: name (in three languages), the qualifying threshold, benefits
// (discount % by category, points multiplier, birthday gift).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field.js';
import { FormDrawer } from '../../components/FormDrawer.js';
import { Input, Select, Switch } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { fieldErrors } from '../../http/problem.js';
import { FormSection } from '../catalog/parts/FormSection.js';
import { couponsQuery, createTier, type Tier, type TierInput, tiersQuery, updateTier } from './api.js';
import { CategoryValueRows } from './parts/CategoryValueRows.js';
import { IntInput } from './parts/IntInput.js';
import { MoneyCents } from './parts/MoneyCents.js';

type Props = { tier: Tier | null; open: boolean; onClose: () => void; basis: 'spend' | 'points'; nextRank: number };

export function TierDrawer(props: Props) {
  return props.open ? <TierForm {...props} /> : null;
}

const pctOf = (bp: number) => bp / 100;

function TierForm({ tier, onClose, basis, nextRank }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const coupons = useQuery(couponsQuery);
  const [name, setName] = useState(tier?.name ?? '');
  const [zhCN, setZhCN] = useState(tier?.nameTranslations['zh-CN'] ?? '');
  const [zhTW, setZhTW] = useState(tier?.nameTranslations['zh-TW'] ?? '');
  const [threshold, setThreshold] = useState<number | null>(tier?.threshold ?? (basis === 'spend' ? 50_000 : 1_000));
  const [rank, setRank] = useState<number | null>(tier?.rank ?? nextRank);
  const [discount, setDiscount] = useState<number | null>(pctOf(tier?.discounts.find((d) => d.categoryId === null)?.percentBp ?? 0));
  // A category's percent is null while its box is blank (refused on save, see badCategory).
  const [catDiscounts, setCatDiscounts] = useState<Array<{ categoryId: string; percent: number | null }>>(
    tier?.discounts
      .filter((d) => d.categoryId !== null)
      .map((d) => ({ categoryId: d.categoryId as string, percent: pctOf(d.percentBp) })) ?? [],
  );
  const [multiplier, setMultiplier] = useState(String(tier?.pointsMultiplierBp ?? 10_000));
  const [giftNote, setGiftNote] = useState(tier?.birthdayGift?.note ?? '');
  const [giftCoupon, setGiftCoupon] = useState(tier?.birthdayGift?.couponId ?? '');
  const [active, setActive] = useState(tier?.active ?? true);
  const [tried, setTried] = useState(false);

  const badThreshold = threshold === null || Number.isNaN(threshold);
  // A percent above 100 is refused, not quietly cut to 100 (that would make the category free).
  const badCategory = (d: { percent: number | null }) => d.percent === null || d.percent > 100;
  const local = {
    name: !name.trim(),
    threshold: badThreshold,
    rank: rank === null || rank < 1 || rank > 100,
    discount: discount !== null && discount > 100,
    categories: catDiscounts.some(badCategory),
  };
  const save = useMutation({
    mutationFn: () => {
      const translations: Record<string, string> = {};
      if (zhCN.trim()) translations['zh-CN'] = zhCN.trim();
      if (zhTW.trim()) translations['zh-TW'] = zhTW.trim();
      const body: TierInput = {
        name: name.trim(),
        nameTranslations: translations,
        rank: rank ?? 1,
        threshold: threshold ?? 0,
        discounts: [
          ...(discount ? [{ categoryId: null, percentBp: Math.round(discount * 100) }] : []),
          ...catDiscounts.map((d) => ({ categoryId: d.categoryId, percentBp: Math.round((d.percent ?? 0) * 100) })),
        ],
        pointsMultiplierBp: Number(multiplier),
        birthdayGift:
          giftNote.trim() || giftCoupon
            ? { ...(giftNote.trim() ? { note: giftNote.trim() } : {}), ...(giftCoupon ? { couponId: giftCoupon } : {}) }
            : null,
        active,
      };
      return tier ? updateTier(tier.id, { ...body, version: tier.version }) : createTier(body);
    },
    onSuccess: () => {
      toast(tier ? t('loyalty.tiers.updated') : t('loyalty.tiers.created'));
      void queryClient.invalidateQueries({ queryKey: tiersQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: ['balances'] });
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const submit = () => {
    setTried(true);
    if (!Object.values(local).some(Boolean)) save.mutate();
  };
  const multipliers = ['10000', '12500', '15000', '20000', '30000'];

  return (
    <FormDrawer
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common.save')}
      submitting={save.isPending}
      submitTestId="tier-save"
      title={tier ? t('loyalty.tiers.editTitle') : t('loyalty.tiers.addTitle')}
      testId="tier-drawer"
    >
      <FormSection title={t('loyalty.tiers.basics')}>
        <Field label={t('loyalty.tiers.name')} error={tried && local.name ? t('loyalty.required') : server.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Gold" data-testid="tier-name-input" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="简体中文" optional={t('common.optional')}>
            <Input value={zhCN} onChange={(e) => setZhCN(e.target.value)} maxLength={60} placeholder="金卡会员" lang="zh-CN" />
          </Field>
          <Field label="繁體中文" optional={t('common.optional')}>
            <Input value={zhTW} onChange={(e) => setZhTW(e.target.value)} maxLength={60} placeholder="金卡會員" lang="zh-TW" />
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={basis === 'spend' ? t('loyalty.tiers.thresholdSpend') : t('loyalty.tiers.thresholdPoints')}
            error={tried && local.threshold ? t('loyalty.required') : server.threshold}
          >
            {basis === 'spend' ? (
              <MoneyCents value={threshold} onChange={setThreshold} testId="tier-threshold" />
            ) : (
              <IntInput value={threshold} onChange={setThreshold} className="w-full" testId="tier-threshold" />
            )}
          </Field>
          <Field
            label={t('loyalty.tiers.rank')}
            hint={t('loyalty.tiers.rankHint')}
            error={tried && local.rank ? t('loyalty.tiers.rankRange') : server.rank}
          >
            <IntInput value={rank} onChange={setRank} className="w-24" />
          </Field>
        </div>
        <Switch checked={active} onChange={setActive} label={active ? t('loyalty.tiers.active') : t('loyalty.tiers.inactive')} />
      </FormSection>

      <FormSection title={t('loyalty.tiers.benefits')} description={t('loyalty.tiers.benefitsBody')}>
        <Field
          label={t('loyalty.tiers.discount')}
          hint={t('loyalty.tiers.discountHint')}
          error={local.discount ? t('loyalty.tiers.percentRange') : undefined}
        >
          <IntInput value={discount} onChange={setDiscount} suffix="%" testId="tier-discount" invalid={local.discount} />
        </Field>
        <CategoryValueRows
          title={t('loyalty.tiers.categoryDiscounts')}
          error={local.categories ? t('loyalty.tiers.categoryPercentRange') : undefined}
          rows={catDiscounts}
          onChange={setCatDiscounts}
          value={(d) => d.percent}
          withValue={(d, v) => ({ ...d, percent: v })}
          newRow={(categoryId) => ({ categoryId, percent: discount ?? 0 })}
          suffix="%"
          addLabel={t('loyalty.tiers.addCategoryDiscount')}
          invalid={badCategory}
          testId="tier-category"
        />
        <Field label={t('loyalty.tiers.multiplier')}>
          <Select value={multiplier} onChange={(e) => setMultiplier(e.target.value)} className="w-40" data-testid="tier-multiplier">
            {(multipliers.includes(multiplier) ? multipliers : [...multipliers, multiplier]).map((bp) => (
              <option key={bp} value={bp}>
                {t('loyalty.points.times', { times: Number(bp) / 10_000 })}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('loyalty.tiers.birthday')} optional={t('common.optional')}>
          <Input
            value={giftNote}
            onChange={(e) => setGiftNote(e.target.value)}
            maxLength={200}
            placeholder={t('loyalty.tiers.birthdayPlaceholder')}
          />
        </Field>
        {(coupons.data?.data.length ?? 0) > 0 ? (
          <Field label={t('loyalty.tiers.birthdayCoupon')} optional={t('common.optional')}>
            <Select value={giftCoupon} onChange={(e) => setGiftCoupon(e.target.value)}>
              <option value="">{t('loyalty.tiers.noCoupon')}</option>
              {coupons.data?.data.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </FormSection>
      {save.error ? <ProblemAlert error={save.error} testId="tier-error" /> : null}
      <button type="submit" className="hidden" aria-hidden="true" tabIndex={-1} />
    </FormDrawer>
  );
}
