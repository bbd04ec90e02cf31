// Open package recommendations for a client ("renewal course nearly done: suggest maintenance facials"),
// for the desk to mention (profile, timeline, and compact on the checkout ticket); selling happens at
// checkout, and a purchase converts the suggestion. Every name in the reader's language.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { useCan } from '../../auth/session.js';
import { dismissRecommendation, PACKAGES_KEY, recommendationsQuery } from '../api.js';
import { useMoney, useTr } from '../format.js';
import { PackageIcon } from '../icons.js';

export function Recommendations({ clientId, compact = false }: { clientId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const tr = useTr();
  const money = useMoney();
  const can = useCan();
  const queryClient = useQueryClient();
  const recs = useQuery(recommendationsQuery(clientId));
  const dismiss = useMutation({
    mutationFn: dismissRecommendation,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: PACKAGES_KEY }),
  });
  const list = recs.data?.data ?? [];
  if (!list.length) return null;
  return (
    <ul className={compact ? 'mt-2 space-y-2' : 'space-y-2'} data-testid="recommendations">
      {list.map((r) => (
        <li
          key={r.id}
          className="flex flex-wrap items-center gap-3 rounded-xl bg-gradient-to-r from-orchid-50 to-white px-4 py-3 ring-1 ring-orchid-200"
          data-testid="recommendation"
          title={tr(r.ruleName, r.ruleNameTranslations)}
        >
          <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-orchid-100 text-orchid-700">
            <PackageIcon name="sparkles" className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-sm font-semibold text-orchid-950">
              {t('packages.recommend.suggest', { name: tr(r.templateName, r.templateNameTranslations), price: money(r.price) })}
            </p>
            {compact ? null : (
              <p className="text-sm text-orchid-800/80">
                <span data-testid="recommendation-rule">{tr(r.ruleName, r.ruleNameTranslations)}</span>
                {' · '}
                {t('packages.recommend.because', { from: tr(r.fromPackageName, r.fromPackageNameTranslations) })}
                {r.sentToClient ? ` · ${t('packages.recommend.sent')}` : ''}
              </p>
            )}
          </div>
          {can('packages.sell') && !compact ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => dismiss.mutate(r.id)}
              loading={dismiss.isPending && dismiss.variables === r.id}
              data-testid="recommendation-dismiss"
            >
              {t('packages.recommend.dismiss')}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
