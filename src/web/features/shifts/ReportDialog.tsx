// An X or Z report in a side panel, with Print (only the report goes to the printer: see printElement).
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Drawer } from '../../components/Drawer.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import type { StoreSummary } from '../../http/types.js';
import { CIcon } from '../checkout/icons.js';
import { xReportQuery, zReportQuery } from './api.js';
import { printElement } from './printElement.js';
import { ReportBody } from './ReportBody.js';

export type ReportTarget = { kind: 'x'; shiftId: string } | { kind: 'z'; date: string };

export function ReportDialog({ target, store, onClose }: { target: ReportTarget; store: StoreSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const x = useQuery({ ...xReportQuery(target.kind === 'x' ? target.shiftId : ''), enabled: target.kind === 'x' });
  const z = useQuery({ ...zReportQuery(store.id, target.kind === 'z' ? target.date : ''), enabled: target.kind === 'z' });
  const q = target.kind === 'x' ? x : z;
  const area = useRef<HTMLDivElement>(null);
  return (
    <Drawer
      open
      onClose={onClose}
      title={target.kind === 'x' ? t('shifts.xReport') : t('shifts.zReport')}
      description={target.kind === 'x' ? t('shifts.xReportHint') : t('shifts.zReportHint')}
      testId="report-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            variant="primary"
            onClick={() => area.current && printElement(area.current, target.kind === 'x' ? t('shifts.xReport') : t('shifts.zReport'))}
            disabled={!q.data}
            data-testid="report-print"
          >
            <CIcon name="printer" className="size-4" />
            {t('checkout.receipt.print')}
          </Button>
        </>
      }
    >
      {q.isPending ? <Loading label={t('common.loading')} /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {q.data ? (
        <div ref={area} className="mx-auto max-w-sm">
          <ReportBody report={q.data} storeName={store.name} />
        </div>
      ) : null}
    </Drawer>
  );
}
