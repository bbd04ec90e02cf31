import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { Field } from '../../components/Field.js';
import { Input, Switch } from '../../components/Input.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useToast } from '../../components/Toast.js';
import { unplacedErrors } from '../../http/problem.js';
import { createResource, updateResource } from './api.js';
import { type CatalogErrors, fromServer, KEY_PATTERN, toKey, useErrText } from './errors.js';
import { keyChoices, RESOURCE_TYPES, useKeyLabels } from './labels.js';
import { KeySelect } from './parts/KeySelect.js';
import type { Resource } from './types.js';

/** Add or rename a room, bed or chair of one store. */
export function ResourceDialog({
  resource,
  storeId,
  storeName,
  usedTypes,
  nextSortOrder,
  onClose,
}: {
  resource: Resource | null;
  storeId: string;
  storeName: string;
  usedTypes: string[];
  nextSortOrder: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const err = useErrText();
  const labels = useKeyLabels();
  const [name, setName] = useState(resource?.name ?? '');
  const [type, setType] = useState(resource?.type ?? 'room');
  const [active, setActive] = useState(resource?.active ?? true);
  const [errors, setErrors] = useState<CatalogErrors>({});
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), type: toKey(type), active };
      return resource
        ? updateResource(resource.id, { ...body, version: resource.version })
        : createResource(storeId, { ...body, sortOrder: nextSortOrder });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['catalog', 'resources'] });
      toast(
        resource
          ? t('catalog.resource.saved', { name: saved.name })
          : t('catalog.resource.created', { name: saved.name, store: storeName }),
      );
      onClose();
    },
    onError: (error) => setErrors(fromServer(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: CatalogErrors = {};
    if (!name.trim()) found.name = { key: 'validation.required' };
    if (!KEY_PATTERN.test(toKey(type))) found.type = { key: 'catalog.validation.key' };
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      icon="store"
      title={resource ? resource.name : t('catalog.resource.addTitle', { store: storeName })}
      testId="resource-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form="resource-form" variant="primary" loading={save.isPending} data-testid="resource-form-submit">
            {resource ? t('common.save') : t('catalog.resource.add')}
          </Button>
        </>
      }
    >
      <form id="resource-form" onSubmit={submit} noValidate className="space-y-4">
        {save.error ? <ProblemAlert error={save.error} extra={unplacedErrors(save.error, ['name', 'type'])} /> : null}
        <Field label={t('catalog.resource.name')} error={err(errors.name)} hint={t('catalog.resource.nameHint')}>
          <Input data-testid="resource-form-name" data-autofocus maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('catalog.resource.type')} error={err(errors.type)} hint={t('catalog.resource.typeHint')}>
          <KeySelect
            testId="resource-form-type"
            value={type}
            onChange={setType}
            choices={keyChoices(RESOURCE_TYPES, [...usedTypes, type]).map((k) => ({ key: k, label: labels.resourceType(k) }))}
          />
        </Field>
        <Switch checked={active} onChange={setActive} label={t('catalog.resource.active')} data-testid="resource-form-active" />
      </form>
    </Dialog>
  );
}
