// Find the client as you type (name, pinyin, initials, phone digits: the server's search keys), pick
// one, or add a new card in place without leaving the booking.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Button, IconButton } from '../../../components/Button.js';
import { cx } from '../../../components/cx.js';
import { Field } from '../../../components/Field.js';
import { Input } from '../../../components/Input.js';
import { Icon } from '../../../components/icons.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { fieldErrors, isApiError } from '../../../http/problem.js';
import { useDebounced } from '../../../lib/useDebounced.js';
import { clientSearchQuery, createClient, findExistingClient } from '../../clients/api.js';
import { avatarName, fullName, splitTypedName } from '../../clients/format.js';
import type { ClientSummary } from '../../clients/types.js';
import { AllergyNote } from '../appointment/AllergyNote.js';

export type PickedClient = Pick<
  ClientSummary,
  'id' | 'firstName' | 'lastName' | 'preferredName' | 'phone' | 'phoneDisplay' | 'email' | 'allergyReminder'
>;

export function ClientPicker({
  storeId,
  value,
  walkIn,
  onChange,
  onWalkIn,
  error,
  allowWalkIn = true,
}: {
  allowWalkIn?: boolean;
  storeId: string;
  value: PickedClient | null;
  walkIn: boolean;
  onChange: (client: PickedClient | null) => void;
  onWalkIn: (on: boolean) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [adding, setAdding] = useState(false);
  const listId = useId();
  const term = useDebounced(q.trim(), 120);
  const results = useQuery({ ...clientSearchQuery({ q: term, storeId: undefined }), enabled: term.length > 0 && !value });
  const list = term ? (results.data?.data ?? []).filter((c) => !c.archived).slice(0, 8) : [];

  if (value) {
    return (
      <div className="space-y-2">
        <div className="flex items-center gap-3 rounded-xl bg-white p-3 ring-1 ring-zinc-200" data-testid="booking-client-selected">
          <Avatar name={avatarName(value)} seed={value.id} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-zinc-900">{fullName(value)}</p>
            <p className="truncate text-sm text-zinc-500">{value.phoneDisplay ?? value.phone ?? value.email ?? ''}</p>
          </div>
          <IconButton
            icon="x"
            size="sm"
            label={t('calendar.book.changeClient')}
            onClick={() => onChange(null)}
            data-testid="booking-client-clear"
          />
        </div>
        {value.allergyReminder ? <AllergyNote text={value.allergyReminder} /> : null}
      </div>
    );
  }

  if (walkIn) {
    return (
      <div className="flex items-center gap-3 rounded-xl bg-zinc-50 p-3 ring-1 ring-zinc-200" data-testid="booking-walkin-selected">
        <span className="flex size-9 items-center justify-center rounded-full bg-zinc-200 text-zinc-600">
          <Icon name="user" className="size-5" />
        </span>
        <p className="flex-1 font-medium text-zinc-800">{t('calendar.walkIn')}</p>
        <IconButton icon="x" size="sm" label={t('calendar.book.changeClient')} onClick={() => onWalkIn(false)} />
      </div>
    );
  }

  if (adding)
    return (
      <NewClient
        typed={q}
        storeId={storeId}
        onCancel={() => setAdding(false)}
        onCreated={(c) => {
          setAdding(false);
          onChange(c);
        }}
      />
    );

  const pick = (c: ClientSummary | undefined) => c && onChange(c);
  return (
    <div className="space-y-2">
      <div className="relative">
        <Icon name="search" className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-zinc-400" />
        <Input
          autoFocus
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, list.length - 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
            else if (e.key === 'Enter') {
              e.preventDefault();
              pick(list[active]);
            } else return;
            e.preventDefault();
          }}
          placeholder={t('calendar.book.searchClient')}
          className="pl-9"
          role="combobox"
          aria-expanded={list.length > 0}
          aria-controls={listId}
          aria-invalid={!!error || undefined}
          data-testid="booking-client-search"
        />
      </div>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {list.length > 0 ? (
        <div
          id={listId}
          role="listbox"
          className="max-h-64 divide-y divide-zinc-100 overflow-y-auto rounded-xl bg-white ring-1 ring-zinc-200"
          data-testid="booking-client-results"
        >
          {list.map((c, i) => (
            <div key={c.id} role="option" tabIndex={-1} aria-selected={i === active}>
              <button
                type="button"
                tabIndex={-1}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(c)}
                data-testid="booking-client-option"
                className={cx('flex w-full items-center gap-3 px-3 py-2 text-left', i === active ? 'bg-orchid-50' : 'hover:bg-zinc-50')}
              >
                <Avatar name={avatarName(c)} seed={c.id} className="size-8 text-xs" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-zinc-900">{fullName(c)}</span>
                  <span className="block truncate text-xs text-zinc-500">{c.phoneDisplay ?? c.phone ?? c.email ?? ''}</span>
                </span>
                {c.allergyReminder ? (
                  <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200">
                    <Icon name="alert" className="size-3" />
                    {t('calendar.allergy')}
                  </span>
                ) : null}
              </button>
            </div>
          ))}
        </div>
      ) : term && results.isSuccess && !results.isPlaceholderData ? (
        <p className="px-1 text-sm text-zinc-500" data-testid="booking-client-none">
          {t('calendar.book.noClient', { q: term })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" icon="plus" onClick={() => setAdding(true)} data-testid="booking-client-new">
          {t('calendar.book.newClient')}
        </Button>
        {allowWalkIn ? (
          <Button size="sm" variant="ghost" icon="user" onClick={() => onWalkIn(true)} data-testid="booking-walkin">
            {t('calendar.walkIn')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function NewClient({
  typed,
  storeId,
  onCancel,
  onCreated,
}: {
  typed: string;
  storeId: string;
  onCancel: () => void;
  onCreated: (c: PickedClient) => void;
}) {
  const { t } = useTranslation();
  const looksPhone = /^[+\d\s().-]{4,}$/.test(typed.trim());
  const split = looksPhone ? { firstName: '', lastName: '' } : splitTypedName(typed);
  const [firstName, setFirst] = useState(split.firstName);
  const [lastName, setLast] = useState(split.lastName);
  const [phone, setPhone] = useState(looksPhone ? typed.trim() : '');
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createClient({
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        homeStoreId: storeId,
      }),
    onSuccess: (c) => onCreated(c),
  });
  const errors = fieldErrors(create.error);
  // The phone or email already belongs to a client: offer that card instead of a duplicate.
  const exists = isApiError(create.error) && create.error.code === 'client_exists';
  const existing = useQuery({
    queryKey: ['clients', 'existing', phone.trim()],
    queryFn: () => findExistingClient({ phone: phone.trim() }),
    enabled: exists,
  });
  const submit = () => {
    if (!firstName.trim()) return setMissing(true);
    create.mutate();
  };
  return (
    <div className="space-y-3 rounded-xl bg-zinc-50 p-4 ring-1 ring-zinc-200" data-testid="booking-new-client">
      {create.error && !errors.firstName && !errors.phone ? (
        <ProblemAlert
          error={create.error}
          action={
            existing.data ? (
              <Button size="sm" onClick={() => existing.data && onCreated(existing.data)} data-testid="booking-use-existing">
                {t('calendar.book.useExisting', { name: fullName(existing.data) })}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('calendar.book.firstName')} error={missing && !firstName.trim() ? t('validation.required') : errors.firstName}>
          <Input autoFocus value={firstName} onChange={(e) => setFirst(e.target.value)} data-testid="booking-new-first" />
        </Field>
        <Field label={t('calendar.book.lastName')} error={errors.lastName}>
          <Input value={lastName} onChange={(e) => setLast(e.target.value)} data-testid="booking-new-last" />
        </Field>
      </div>
      <Field label={t('calendar.book.phone')} error={errors.phone}>
        <Input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="booking-new-phone" />
      </Field>
      <div className="flex justify-end gap-2">
        <Button size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button size="sm" variant="primary" loading={create.isPending} onClick={submit} data-testid="booking-new-save">
          {t('calendar.book.addClient')}
        </Button>
      </div>
    </div>
  );
}
