// Whose record this is and what it is about, with the way back to her progress.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../components/Avatar.js';
import { Badge } from '../../../components/Badge.js';
import { Icon } from '../../../components/icons.js';
import { avatarName, fullName } from '../../clients/format.js';
import type { Client } from '../../clients/types.js';
import { clientPackageQuery, sessionsQuery } from '../../packages/api.js';
import { useTr } from '../../packages/format.js';
import { PackageIcon } from '../../packages/icons.js';

export function RecordHeader({
  client,
  title,
  packageId,
  packageSessionId,
  children,
}: {
  client: Client;
  title: string;
  packageId?: string | undefined;
  packageSessionId?: string | null | undefined;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <Link
        to="/clients/$clientId/timeline"
        params={{ clientId: client.id }}
        className="inline-flex items-center gap-1 text-sm font-medium text-zinc-500 hover:text-zinc-800"
        data-testid="record-back"
      >
        <Icon name="chevronLeft" className="size-4" />
        {t('treatments.timeline.title')}
      </Link>
      <div className="flex flex-wrap items-center gap-4">
        <Avatar name={avatarName(client)} seed={client.id} className="size-14 text-lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-base text-zinc-600">
            <span data-testid="record-client-name">{fullName(client)}</span>
            {packageId && packageSessionId ? (
              <SessionBadge packageId={packageId} sessionId={packageSessionId} />
            ) : packageSessionId ? (
              <Badge tone="accent">
                <PackageIcon name="layers" className="size-3.5" />
                {t('treatments.form.packageSession')}
              </Badge>
            ) : null}
          </div>
        </div>
        {children}
      </div>
      {client.allergyReminder ? (
        <div
          className="flex items-start gap-2 rounded-xl bg-red-50 px-4 py-3 text-base text-red-800 ring-1 ring-red-200"
          data-testid="record-allergy"
        >
          <Icon name="alert" className="mt-0.5 size-5 text-red-600" />
          <span>{client.allergyReminder}</span>
        </div>
      ) : null}
    </div>
  );
}

function SessionBadge({ packageId, sessionId }: { packageId: string; sessionId: string }) {
  const { t } = useTranslation();
  const tr = useTr();
  const pkg = useQuery(clientPackageQuery(packageId));
  const sessions = useQuery(sessionsQuery(packageId));
  const s = sessions.data?.data.find((x) => x.id === sessionId);
  const item = pkg.data?.items.find((i) => i.id === s?.itemId);
  if (!pkg.data) return null;
  return (
    <Badge tone="accent" className="text-sm">
      <PackageIcon name="layers" className="size-3.5" />
      <span data-testid="record-session-badge">
        {tr(pkg.data.name, pkg.data.nameTranslations)}
        {s && item ? ` · ${t('treatments.form.sessionOf', { n: s.sessionNumber, total: item.sessions })}` : ''}
      </span>
    </Badge>
  );
}
