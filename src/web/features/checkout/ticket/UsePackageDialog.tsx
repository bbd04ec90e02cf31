// "Use package session" for a service on the ticket: her packages that cover it here and now, each saying
// which session this would be ("session 2 of 10 · 8 left after this"). One tap turns the line into a
// session that costs nothing; a later stage used first needs a manager's reason (the server checks it).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { Alert } from '../../../components/ProblemAlert.js';
import { useCan } from '../../auth/session.js';
import { PackageRedemptionPicker, type RedemptionChoice as PickedSession } from '../../packages/picker/PackagePicker.js';
import type { RedemptionChoice } from '../lib/redemption.js';

export function UsePackageDialog({
  clientId,
  storeId,
  serviceId,
  serviceName,
  taken,
  onUse,
  onClose,
}: {
  clientId: string;
  storeId: string;
  serviceId: string;
  serviceName: string;
  /** Sessions of an item already on this ticket. */
  taken: (itemId: string) => number;
  onUse: (choice: RedemptionChoice) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const [blocked, setBlocked] = useState<PickedSession | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const mayOverride = can('packages.adjust');

  const pick = (p: PickedSession) => {
    if (p.stepBlocked === null) onUse({ clientPackageId: p.clientPackageId, itemId: p.itemId });
    else {
      setBlocked(p);
      setTried(false);
    }
  };
  const confirmOutOfOrder = () => {
    setTried(true);
    if (!blocked || !reason.trim()) return;
    onUse({ clientPackageId: blocked.clientPackageId, itemId: blocked.itemId, overrideReason: reason });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('checkout.package.useTitle')}
      testId="use-package-dialog"
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {blocked && mayOverride ? (
            <Button variant="primary" onClick={confirmOutOfOrder} data-testid="use-package-override">
              {t('checkout.package.useOutOfOrder')}
            </Button>
          ) : null}
        </>
      }
    >
      <div className="space-y-4">
        <p className="text-zinc-600">{t('checkout.package.useIntro', { service: serviceName })}</p>
        <PackageRedemptionPicker clientId={clientId} storeId={storeId} serviceId={serviceId} taken={taken} onPick={pick} />
        {blocked ? (
          <Alert tone="warning" title={t('packages.redeem.stepBlocked', { step: blocked.stepBlocked })} testId="use-package-blocked">
            {mayOverride ? (
              <>
                <p>{t('packages.redeem.stepOverrideHint')}</p>
                <div className="mt-2">
                  <Field label={t('packages.redeem.overrideReason')} error={tried && !reason.trim() ? t('validation.required') : undefined}>
                    <Input
                      value={reason}
                      onChange={(e) => setReason(e.target.value)}
                      maxLength={200}
                      autoFocus
                      data-testid="use-package-override-reason"
                    />
                  </Field>
                </div>
              </>
            ) : (
              <p>{t('packages.redeem.stepAskManager')}</p>
            )}
          </Alert>
        ) : null}
      </div>
    </Dialog>
  );
}
