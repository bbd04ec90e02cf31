// Open a package outside checkout: one carried over from the salon's previous system, or a goodwill gift.
// No money moves (sell packages at checkout to take payment).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Dialog } from '../../../components/Dialog.js';
import { Field } from '../../../components/Field.js';
import { Input, Select } from '../../../components/Input.js';
import { Alert, ProblemAlert } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { fieldErrors } from '../../../http/problem.js';
import { useMe } from '../../auth/session.js';
import { centsToInput, parseMoney } from '../../catalog/money.js';
import { useCurrentStore } from '../../shell/CurrentStore.js';
import { openPackage, PACKAGES_KEY, templatesQuery } from '../api.js';
import { useMoney, useTr } from '../format.js';
import { ReasonField } from './ReasonField.js';

export function OpenPackageDialog({ clientId, onClose }: { clientId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const money = useMoney();
  const me = useMe();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { store } = useCurrentStore();
  const [storeId, setStoreId] = useState(store?.id ?? me.stores[0]?.id ?? '');
  const templates = useQuery(templatesQuery({ storeId }));
  const [templateId, setTemplateId] = useState('');
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const list = templates.data?.data ?? [];
  const template = list.find((x) => x.id === templateId);
  const cents = price.trim() ? parseMoney(price) : null;

  const save = useMutation({
    mutationFn: () => openPackage({ templateId, clientId, storeId, reason: reason.trim(), ...(cents !== null ? { price: cents } : {}) }),
    onSuccess: (pkg) => {
      void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY });
      toast(t('packages.openDialog.done', { name: tr(pkg.name, pkg.nameTranslations) }));
      onClose();
    },
  });
  const server = fieldErrors(save.error);
  const submit = () => {
    setTried(true);
    if (!templateId || !reason.trim() || (price.trim() && cents === null)) return;
    save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('packages.openDialog.title')}
      icon="plus"
      testId="open-package-dialog"
      className="sm:max-w-lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" onClick={submit} loading={save.isPending} data-testid="open-package-submit">
            {t('packages.openDialog.submit')}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Alert tone="info" title={t('packages.openDialog.noMoney')} />
        {me.stores.length > 1 ? (
          <Field label={t('packages.redeem.store')}>
            <Select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="open-package-store">
              {me.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field
          label={t('packages.openDialog.template')}
          error={server.templateId ?? (tried && !templateId ? t('validation.required') : undefined)}
        >
          <Select
            value={templateId}
            onChange={(e) => {
              setTemplateId(e.target.value);
              const next = list.find((x) => x.id === e.target.value);
              setPrice(next ? centsToInput(next.price) : '');
            }}
            data-testid="open-package-template"
          >
            <option value="">{t('packages.openDialog.choose')}</option>
            {list.map((x) => (
              <option key={x.id} value={x.id}>
                {tr(x.name, x.nameTranslations)} · {money(x.price)}
              </option>
            ))}
          </Select>
        </Field>
        {template ? (
          <Field
            label={t('packages.openDialog.price')}
            hint={t('packages.openDialog.priceHint')}
            error={server.price ?? (tried && price.trim() && cents === null ? t('packages.editor.moneyInvalid') : undefined)}
          >
            <Input
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              className="w-40"
              data-testid="open-package-price"
            />
          </Field>
        ) : null}
        <ReasonField
          value={reason}
          onChange={setReason}
          testId="open-package-reason"
          placeholder={t('packages.openDialog.reasonPlaceholder')}
          error={server.reason ?? (tried && !reason.trim() ? t('validation.required') : undefined)}
        />
        <ProblemAlert error={save.error} />
      </div>
    </Dialog>
  );
}
