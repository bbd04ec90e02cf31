// One line in detail: quantity, who did it (a service may be split between two technicians), a typed
// price (audited, with a reason), a discount and a note. Saving re-prices the ticket on the server. A service
// her package covers can be used as a session; a package session has no price, discount or quantity to
// change, and can go back to a charged service.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Drawer } from '../../../components/Drawer.js';
import { Field } from '../../../components/Field.js';
import { Input, Select, Textarea } from '../../../components/Input.js';
import { Alert } from '../../../components/ProblemAlert.js';
import { MoneyInput } from '../../catalog/parts/MoneyInput.js';
import { PackageIcon } from '../../packages/icons.js';
import { CIcon } from '../icons.js';
import { type LineChange, SELLER_KINDS, techniciansBody } from '../lib/lines.js';
import { centsToInput, parseMoney, useMoney } from '../lib/money.js';
import { REDEMPTION_KIND } from '../lib/redemption.js';
import type { StoreStaff } from '../lib/staff.js';
import type { Discount, SaleLine } from '../types.js';
import { DiscountDialog } from './DiscountDialog.js';
import { type LinePackage, RoomSessionText } from './TicketLines.js';

export function LineEditor({
  line,
  currency,
  staff,
  pkg = null,
  onSave,
  onRemove,
  onClose,
  onUsePackage,
  onChargeInstead,
}: {
  line: SaleLine;
  currency: string;
  staff: StoreStaff;
  pkg?: LinePackage;
  onSave: (change: LineChange) => void;
  onRemove: () => void;
  onClose: () => void;
  onUsePackage?: () => void;
  onChargeInstead?: () => void;
}) {
  const { t } = useTranslation();
  const money = useMoney(currency);
  // A session is one, at no price: only who did it and a note change.
  const session = line.kind === REDEMPTION_KIND;
  const hasTechs = 'technicians' in line.input;
  const sells = SELLER_KINDS.has(line.kind);
  const [quantity, setQuantity] = useState(line.quantity);
  const [tech1, setTech1] = useState(line.technicians[0]?.staffId ?? '');
  const [tech2, setTech2] = useState(line.technicians[1]?.staffId ?? '');
  const [share1, setShare1] = useState(String(line.technicians.length > 1 ? line.technicians[0]!.sharePercent : 50));
  const [seller, setSeller] = useState(typeof line.input.staffId === 'string' ? line.input.staffId : '');
  const [price, setPrice] = useState(centsToInput(line.unitPrice));
  const [priceReason, setPriceReason] = useState(line.priceOverrideReason ?? '');
  const [discount, setDiscount] = useState<Discount | null>(line.discount);
  const [discountOpen, setDiscountOpen] = useState(false);
  const [note, setNote] = useState(line.note ?? '');
  const [tried, setTried] = useState(false);

  const cents = parseMoney(price);
  const overriding = cents !== null && cents !== line.listPrice;
  const share = Number(share1);
  const errors = {
    price: cents === null ? t('checkout.line.priceInvalid') : undefined,
    priceReason: overriding && !priceReason.trim() ? t('checkout.line.priceReasonRequired') : undefined,
    tech1: hasTechs && !tech1 ? t('checkout.line.technicianRequired') : undefined,
    share: hasTechs && tech2 && !(Number.isInteger(share) && share >= 1 && share <= 99) ? t('checkout.line.shareInvalid') : undefined,
    tech2: hasTechs && tech2 && tech2 === tech1 ? t('checkout.line.sameTechnician') : undefined,
  };
  const valid = Object.values(errors).every((e) => !e);

  const save = () => {
    setTried(true);
    if (!valid) return;
    const change: LineChange = {
      quantity,
      unitPrice: overriding ? cents : null,
      priceOverrideReason: overriding ? priceReason.trim() : null,
      discount,
      note: note.trim() || null,
    };
    if (hasTechs)
      change.technicians = techniciansBody(
        tech2
          ? [
              { staffId: tech1, sharePercent: share },
              { staffId: tech2, sharePercent: 100 - share },
            ]
          : [{ staffId: tech1, sharePercent: 100 }],
      );
    if (sells) change.seller = seller || null;
    onSave(change);
  };

  const techOptions = staff.technicians.map((s) => (
    <option key={s.id} value={s.id}>
      {s.displayName || s.name}
    </option>
  ));

  return (
    <Drawer
      open
      onClose={onClose}
      title={line.displayName}
      description={session ? t('checkout.kinds.package_redemption') : t('checkout.line.listPrice', { price: money(line.listPrice) })}
      testId="line-editor"
      footer={
        <>
          <Button variant="danger-ghost" icon="trash" onClick={onRemove} className="mr-auto" data-testid="line-remove">
            {t('checkout.ticket.removeLine')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={save} data-testid="line-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <PackageSection pkg={pkg} session={session} onUse={onUsePackage} onCharge={onChargeInstead} onRemove={onRemove} />

        <Field label={t('checkout.ticket.quantity')} className={session ? 'hidden' : undefined}>
          <div className="flex items-center gap-3">
            <Button
              size="lg"
              className="w-14"
              onClick={() => setQuantity((q) => Math.max(1, q - 1))}
              aria-label={t('checkout.ticket.less')}
            >
              <CIcon name="minus" className="size-5" />
            </Button>
            <span className="w-12 text-center text-2xl font-semibold tabular-nums" data-testid="line-quantity">
              {quantity}
            </span>
            <Button
              size="lg"
              className="w-14"
              icon="plus"
              onClick={() => setQuantity((q) => Math.min(999, q + 1))}
              aria-label={t('checkout.ticket.more')}
            />
          </div>
        </Field>

        {hasTechs ? (
          <fieldset className="space-y-3">
            <legend className="sr-only">{t('checkout.line.technicians')}</legend>
            <div className="grid grid-cols-[1fr_auto] items-start gap-3">
              <Field label={t('checkout.line.technician1')} error={tried ? errors.tech1 : undefined}>
                <Select value={tech1} onChange={(e) => setTech1(e.target.value)} data-testid="line-tech1">
                  <option value="">{t('checkout.line.choose')}</option>
                  {techOptions}
                </Select>
              </Field>
              {tech2 ? (
                <Field label={t('checkout.line.share')} error={tried ? errors.share : undefined}>
                  <div className="relative w-24">
                    <Input
                      value={share1}
                      onChange={(e) => setShare1(e.target.value)}
                      inputMode="numeric"
                      className="w-24 pr-7 tabular-nums"
                      data-testid="line-share1"
                    />
                    <span className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-zinc-500">%</span>
                  </div>
                </Field>
              ) : null}
            </div>
            {tech2 ? (
              <div className="grid grid-cols-[1fr_auto] items-start gap-3">
                <Field label={t('checkout.line.technician2')} error={tried ? errors.tech2 : undefined}>
                  <Select value={tech2} onChange={(e) => setTech2(e.target.value)} data-testid="line-tech2">
                    {techOptions}
                  </Select>
                </Field>
                <Field label={t('checkout.line.share')}>
                  <p className="flex h-10 w-24 items-center px-3 text-[15px] tabular-nums text-zinc-600">
                    {Number.isFinite(share) ? 100 - share : '—'}%
                  </p>
                </Field>
              </div>
            ) : null}
            {tech2 ? (
              <Button variant="ghost" size="sm" onClick={() => setTech2('')}>
                {t('checkout.line.unsplit')}
              </Button>
            ) : (
              <Button
                variant="ghost"
                size="sm"
                icon="plus"
                data-testid="line-split"
                onClick={() => setTech2(staff.technicians.find((s) => s.id !== tech1)?.id ?? '')}
                disabled={staff.technicians.length < 2}
              >
                {t('checkout.line.split')}
              </Button>
            )}
          </fieldset>
        ) : null}

        {sells ? (
          <Field label={t('checkout.line.soldBy')} optional={t('common.optional')}>
            <Select value={seller} onChange={(e) => setSeller(e.target.value)} data-testid="line-seller">
              <option value="">{t('checkout.line.nobody')}</option>
              {techOptions}
            </Select>
          </Field>
        ) : null}

        <div className={cx('grid gap-3 sm:grid-cols-2', session && 'hidden')}>
          <Field
            label={t('checkout.line.unitPrice')}
            error={tried ? errors.price : undefined}
            hint={overriding ? t('checkout.line.audited') : undefined}
          >
            <MoneyInput value={price} onChange={setPrice} currency={currency} data-testid="line-price" />
          </Field>
          {overriding ? (
            <Field label={t('checkout.line.priceReason')} error={tried ? errors.priceReason : undefined}>
              <Input value={priceReason} onChange={(e) => setPriceReason(e.target.value)} maxLength={200} data-testid="line-price-reason" />
            </Field>
          ) : null}
        </div>

        <div
          className={cx(
            'flex items-center justify-between gap-3 rounded-xl bg-zinc-50 px-4 py-3 ring-1 ring-zinc-200',
            session && 'hidden',
          )}
        >
          <div className="min-w-0 text-sm">
            <p className="font-medium text-zinc-800">{t('checkout.line.discount')}</p>
            <p className="truncate text-zinc-500">
              {discount
                ? `${discount.type === 'percent' ? `${discount.percent}%` : money(discount.amount ?? 0)} · ${discount.reason}`
                : t('checkout.line.noDiscount')}
            </p>
          </div>
          <Button size="sm" onClick={() => setDiscountOpen(true)} data-testid="line-discount">
            {discount ? t('checkout.line.changeDiscount') : t('checkout.line.addDiscount')}
          </Button>
        </div>

        <Field label={t('checkout.line.note')} optional={t('common.optional')}>
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
        </Field>
      </div>
      {discountOpen ? (
        <DiscountDialog
          title={t('checkout.discount.lineTitle', { name: line.displayName })}
          currency={currency}
          initial={discount}
          onClose={() => setDiscountOpen(false)}
          onSave={(d) => {
            setDiscount(d);
            setDiscountOpen(false);
          }}
        />
      ) : null}
    </Drawer>
  );
}

function PackageSection({
  pkg,
  session,
  onUse,
  onCharge,
  onRemove,
}: {
  pkg: LinePackage;
  session: boolean;
  onUse?: (() => void) | undefined;
  onCharge?: (() => void) | undefined;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  if (pkg?.kind === 'room')
    return (
      <Alert tone="warning" title={t('checkout.package.roomTitle')} testId="line-room-session">
        <p>
          <RoomSessionText pkg={pkg} />
        </p>
        <Button size="sm" className="mt-2" onClick={onRemove} data-testid="line-room-remove">
          {t('checkout.ticket.removeLine')}
        </Button>
      </Alert>
    );
  if (session)
    return (
      <div className="space-y-2 rounded-xl bg-orchid-50/70 px-4 py-3 ring-1 ring-orchid-100" data-testid="line-session">
        <p className="flex items-center gap-1.5 text-sm font-semibold text-orchid-900">
          <PackageIcon name="layers" className="size-4" />
          {pkg?.kind === 'session' ? pkg.name : t('checkout.kinds.package_redemption')}
        </p>
        {pkg?.kind === 'session' ? (
          <p className="text-sm text-orchid-900">
            {t('packages.picker.sessionOf', { n: pkg.count.number, total: pkg.count.total, left: Math.max(0, pkg.count.leftAfter) })}
          </p>
        ) : null}
        <p className="text-sm text-zinc-600">{t('checkout.package.fixed')}</p>
        {onCharge ? (
          <Button size="sm" onClick={onCharge} data-testid="line-charge-instead">
            {t('checkout.package.chargeInstead')}
          </Button>
        ) : null}
      </div>
    );
  if (pkg?.kind === 'offer' && onUse)
    return (
      <div className="flex items-center justify-between gap-3 rounded-xl bg-orchid-50/70 px-4 py-3 ring-1 ring-orchid-100">
        <p className="min-w-0 text-sm text-orchid-900">{t('checkout.package.offerHint', { count: pkg.left })}</p>
        <Button size="sm" variant="primary" onClick={onUse} data-testid="line-use-package">
          {t('checkout.package.useSession')}
        </Button>
      </div>
    );
  return null;
}
