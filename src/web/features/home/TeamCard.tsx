import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { LinkButton } from '../../components/LinkButton.js';
import { Card } from '../../components/Page.js';
import { staffQuery } from '../staff/api.js';

/** Who works at this store (real people, no made-up numbers). */
export function TeamCard({ storeId }: { storeId: string }) {
  const { t } = useTranslation();
  const staff = useQuery(staffQuery({ storeId }));
  const people = staff.data?.data ?? [];
  if (!staff.data) return null;
  return (
    <Card
      title={t('home.team')}
      description={t('home.teamCount', { count: people.length })}
      testId="home-team"
      actions={
        <LinkButton to="/staff" size="sm" variant="ghost">
          {t('home.seeAll')}
        </LinkButton>
      }
    >
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {people.slice(0, 9).map((person) => (
          <li key={person.id} className="flex min-w-0 items-center gap-2.5">
            <Avatar name={person.displayName || person.name} seed={person.id} className="size-8 text-xs" />
            <div className="min-w-0">
              <p className="truncate text-sm font-medium text-zinc-800">{person.displayName || person.name}</p>
              <p className="truncate text-xs text-zinc-500">{t(`roles.${person.role}`)}</p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
