import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge.js';
import { Button } from '../../../components/Button.js';
import { LinkButton } from '../../../components/LinkButton.js';
import { Card } from '../../../components/Page.js';
import { LANGUAGE_NAMES } from '../../../i18n/languages.js';
import { useFormat } from '../../../lib/format.js';
import { useCan, useMe } from '../../auth/session.js';
import { staffQuery } from '../../staff/api.js';
import { customFieldsQuery } from '../api.js';
import { labelIn, showCustomValue } from '../customValues.js';
import { formatBirthday } from '../format.js';
import type { Client } from '../types.js';

export function Row({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-4 py-2.5" data-testid={testId}>
      <dt className="text-sm text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-zinc-900">{empty ? <span className="text-zinc-400">—</span> : children}</dd>
    </div>
  );
}

export function DetailsTab({ client: c, onEdit }: { client: Client; onEdit: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const format = useFormat();
  const staff = useQuery(staffQuery({ includeArchived: true }));
  const defs = useQuery(customFieldsQuery());
  const favourite = staff.data?.data.find((s) => s.id === c.preferences.favouriteStaffId);
  const active = (defs.data?.data ?? []).filter((d) => !d.archived);
  const editAction = onEdit ? (
    <Button size="sm" variant="ghost" icon="pencil" onClick={onEdit}>
      {t('common.edit')}
    </Button>
  ) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2" data-testid="client-details">
      <Card title={t('clients.profile.personal')} actions={editAction} bodyClassName="px-5 py-2">
        <dl className="divide-y divide-zinc-100">
          <Row label={t('clients.fields.birthday')}>
            {c.birthday ? (
              <span className="inline-flex items-center gap-2">
                {c.birthday.lunar
                  ? t('clients.profile.lunarBirthday', { month: c.birthday.month, day: c.birthday.day })
                  : formatBirthday(c.birthday, i18n.language)}
                {c.birthday.lunar && c.birthday.year ? <span className="text-zinc-500">{c.birthday.year}</span> : null}
                {c.birthday.lunar ? <Badge tone="info">{t('clients.fields.lunar')}</Badge> : null}
              </span>
            ) : null}
          </Row>
          <Row label={t('clients.fields.gender')}>{c.gender}</Row>
          <Row label={t('clients.fields.language')}>{LANGUAGE_NAMES[c.language]}</Row>
          <Row label={t('clients.fields.homeStore')}>{me.stores.find((s) => s.id === c.homeStoreId)?.name}</Row>
          <Row label={t('clients.fields.source')}>{c.source}</Row>
          <Row label={t('clients.fields.referrer')}>{c.referrer}</Row>
          <Row label={t('clients.profile.clientSince')}>{format.date(c.createdAt)}</Row>
        </dl>
      </Card>

      <Card title={t('clients.profile.preferences')} actions={editAction} bodyClassName="px-5 py-2">
        <dl className="divide-y divide-zinc-100">
          <Row label={t('clients.fields.allergyReminder')} testId="client-detail-allergy">
            {c.preferences.allergyReminder ? <span className="font-medium text-red-700">{c.preferences.allergyReminder}</span> : null}
          </Row>
          <Row label={t('clients.fields.favouriteStaff')}>{favourite ? favourite.displayName || favourite.name : null}</Row>
          <Row label={t('clients.fields.pressure')}>{c.preferences.pressure ? t(`clients.pressure.${c.preferences.pressure}`) : null}</Row>
          <Row label={t('clients.fields.focusAreas')}>
            {c.preferences.focusAreas.length ? (
              <span className="flex flex-wrap gap-1">
                {c.preferences.focusAreas.map((f) => (
                  <Badge key={f}>{f}</Badge>
                ))}
              </span>
            ) : null}
          </Row>
        </dl>
      </Card>

      <Card
        title={t('clients.profile.customFields')}
        actions={active.length ? editAction : null}
        bodyClassName={active.length ? 'px-5 py-2' : 'p-5'}
        className="lg:col-span-2"
        testId="client-custom-fields"
      >
        {active.length ? (
          <dl className="grid divide-y divide-zinc-100 md:grid-cols-2 md:gap-x-8 md:divide-y-0">
            {active.map((def) => (
              <Row key={def.id} label={labelIn(def.labels, i18n.language, def.key)}>
                {showCustomValue(def, c.customFields[def.key], i18n.language, { yes: t('clients.yes'), no: t('clients.no') })}
              </Row>
            ))}
          </dl>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-zinc-500">{t('clients.profile.noCustomFields')}</p>
            {can('clients.fields') ? (
              <LinkButton to="/settings/client-fields" size="sm">
                {t('clients.customFields.nav')}
              </LinkButton>
            ) : null}
          </div>
        )}
      </Card>
    </div>
  );
}
