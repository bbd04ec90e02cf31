// The printable statement (GET …/wallet/statement.html, asked for in the UI language), previewed in a
// frame and printed from it: the staff see what will print, and the app's own page is not printed.
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button.js';
import { Drawer } from '../../../components/Drawer.js';
import { ProblemAlert } from '../../../components/ProblemAlert.js';
import { Loading } from '../../../components/Spinner.js';
import { statementHtml } from '../api.js';
import { BalanceIcon } from '../icons.js';

export function StatementPrint({ clientId, open, onClose }: { clientId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useQuery({
    queryKey: ['balances', 'client', clientId, 'statement-html', i18n.language],
    queryFn: () => statementHtml(clientId, i18n.language),
    enabled: open,
    staleTime: 0,
    gcTime: 0,
  });
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('balances.statement.printTitle')}
      description={t('balances.statement.printBody')}
      width="max-w-3xl"
      testId="statement-print"
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            variant="primary"
            disabled={!html.data}
            onClick={() => frame.current?.contentWindow?.print()}
            data-testid="statement-print-now"
          >
            <BalanceIcon name="printer" className="size-4" />
            {t('balances.statement.print')}
          </Button>
        </>
      }
    >
      {html.isPending ? (
        <Loading label={t('common.loading')} />
      ) : html.isError ? (
        <ProblemAlert error={html.error} />
      ) : (
        <iframe
          ref={frame}
          title={t('balances.statement.printTitle')}
          srcDoc={html.data}
          className="h-[70vh] w-full rounded-lg bg-white ring-1 ring-zinc-200"
          data-testid="statement-print-frame"
        />
      )}
    </Drawer>
  );
}
