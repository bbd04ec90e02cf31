import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Card } from '../../../components/Page.js';
import { useProblemText } from '../../../components/ProblemAlert.js';
import { useToast } from '../../../components/Toast.js';
import { downloadFile } from '../../clients/download.js';
import { statementCsvPath } from '../api.js';
import { Segmented } from '../components/Segmented.js';
import { BalanceIcon } from '../icons.js';
import { PointsHistory } from './PointsHistory.js';
import { StatementPrint } from './StatementPrint.js';
import { TierHistory } from './TierHistory.js';
import { WalletStatement } from './WalletStatement.js';

type View = 'wallet' | 'points' | 'tier';

/** History of every balance: the stored-value statement (print, CSV), points, tier changes. */
export function HistoryCard({ clientId, showPoints }: { clientId: string; showPoints: boolean }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const problem = useProblemText();
  const [view, setView] = useState<View>('wallet');
  const [printing, setPrinting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadFile(statementCsvPath(clientId), i18n.language, `stored-value-${clientId}.csv`);
    } catch (error) {
      toast(problem(error).title, 'error');
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card
      testId="balance-history"
      bodyClassName="p-0"
      title={t('balances.statement.title')}
      actions={
        view === 'wallet' ? (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => setPrinting(true)} data-testid="statement-print-open">
              <BalanceIcon name="printer" className="size-4" />
              {t('balances.statement.print')}
            </Button>
            <Button size="sm" onClick={() => void exportCsv()} loading={exporting} data-testid="statement-csv">
              {exporting ? null : <BalanceIcon name="download" className="size-4" />}
              {t('balances.statement.csv')}
            </Button>
          </div>
        ) : null
      }
    >
      <div className="border-b border-zinc-100 px-5 py-3">
        <Segmented
          label={t('balances.statement.view')}
          value={view}
          onChange={setView}
          size="sm"
          testId="history-view"
          options={[
            { value: 'wallet', label: t('balances.wallet.title'), testId: 'history-wallet' },
            ...(showPoints ? [{ value: 'points' as const, label: t('balances.points.title'), testId: 'history-points' }] : []),
            { value: 'tier', label: t('balances.tier.title'), testId: 'history-tier' },
          ]}
        />
      </div>
      {view === 'wallet' ? (
        <WalletStatement clientId={clientId} />
      ) : view === 'points' ? (
        <PointsHistory clientId={clientId} />
      ) : (
        <TierHistory clientId={clientId} />
      )}
      <StatementPrint clientId={clientId} open={printing} onClose={() => setPrinting(false)} />
    </Card>
  );
}
