// Cash drawer: open a shift with a counted float, paid-ins and paid-outs, X report mid-shift, close with a
// count (over/short), and the Z report of any day.
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge.js';
import { Button } from '../../components/Button.js';
import { Input } from '../../components/Input.js';
import { Card, PageHeader } from '../../components/Page.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { Loading } from '../../components/Spinner.js';
import { Table, Td, THead, Th, Tr } from '../../components/Table.js';
import type { Me } from '../../http/types.js';
import { dateIn } from '../../lib/hours.js';
import { useCan } from '../auth/session.js';
import { useMoney } from '../checkout/lib/money.js';
import { useWallTime } from '../checkout/lib/time.js';
import { useCurrentStore } from '../shell/CurrentStore.js';
import { Guard } from '../shell/Guard.js';
import { shiftsQuery } from './api.js';
import { CloseShiftDialog } from './CloseShiftDialog.js';
import { MovementDialog } from './MovementDialog.js';
import { OpenShiftCard } from './OpenShiftCard.js';
import { ReportDialog, type ReportTarget } from './ReportDialog.js';
import { ShiftCard } from './ShiftCard.js';
import type { Shift } from './types.js';

const allowed = (me: Me) => me.permissions.includes('shifts.manage') || me.permissions.includes('reports.read');

export function CashDrawerPage() {
  return (
    <Guard allow={allowed}>
      <CashDrawer />
    </Guard>
  );
}

function CashDrawer() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { z?: string };
  const { store } = useCurrentStore();
  const manage = can('shifts.manage');
  const shifts = useQuery({ ...shiftsQuery(store?.id ?? ''), enabled: !!store && manage });
  const [movement, setMovement] = useState<{ shift: Shift; kind: 'paid_in' | 'paid_out' } | null>(null);
  const [closing, setClosing] = useState<Shift | null>(null);
  const [report, setReport] = useState<ReportTarget | null>(search.z ? { kind: 'z', date: search.z } : null);
  const today = dateIn(store?.timeZone ?? 'UTC');
  const [zDate, setZDate] = useState(search.z ?? today);

  if (!store) return null;
  const open = (shifts.data?.data ?? []).filter((s) => s.status === 'open');
  const closed = (shifts.data?.data ?? []).filter((s) => s.status === 'closed');
  const closeReport = () => {
    setReport(null);
    if (search.z) void navigate({ to: '/cash-drawer', search: {}, replace: true });
  };

  return (
    <div data-testid="cash-drawer-page">
      <PageHeader title={t('shifts.title')} description={t('shifts.description', { store: store.name })} />
      <div className="space-y-6">
        {manage ? (
          shifts.isPending ? (
            <Loading label={t('common.loading')} />
          ) : shifts.isError ? (
            <ProblemAlert error={shifts.error} />
          ) : open.length ? (
            open.map((s) => (
              <ShiftCard
                key={s.id}
                shift={s}
                onMovement={(kind) => setMovement({ shift: s, kind })}
                onXReport={() => setReport({ kind: 'x', shiftId: s.id })}
                onClose={() => setClosing(s)}
              />
            ))
          ) : (
            <OpenShiftCard store={store} />
          )
        ) : null}

        <Card title={t('shifts.zReport')} description={t('shifts.zReportHint')} testId="z-report-card">
          <div className="flex flex-wrap items-center gap-3">
            <Input
              type="date"
              value={zDate}
              max={today}
              onChange={(e) => setZDate(e.target.value || today)}
              className="w-44"
              aria-label={t('shifts.zDate')}
              data-testid="z-date"
            />
            <Button variant="primary" onClick={() => setReport({ kind: 'z', date: zDate })} data-testid="z-view">
              {t('shifts.viewZ')}
            </Button>
          </div>
        </Card>

        {manage && closed.length ? <ShiftHistory shifts={closed} onZ={(date) => setReport({ kind: 'z', date })} /> : null}
      </div>

      {movement ? <MovementDialog shift={movement.shift} kind={movement.kind} onClose={() => setMovement(null)} /> : null}
      {closing ? (
        <CloseShiftDialog
          shift={closing}
          onClose={() => setClosing(null)}
          onZReport={() => {
            setClosing(null);
            setReport({ kind: 'z', date: today });
          }}
        />
      ) : null}
      {report ? <ReportDialog target={report} store={store} onClose={closeReport} /> : null}
    </div>
  );
}

function ShiftHistory({ shifts, onZ }: { shifts: Shift[]; onZ: (date: string) => void }) {
  const { t } = useTranslation();
  const wall = useWallTime();
  return (
    <section>
      <h2 className="mb-3 text-base font-semibold text-zinc-900">{t('shifts.recent')}</h2>
      <Table data-testid="shift-history">
        <THead>
          <tr>
            <Th>{t('shifts.closedAt')}</Th>
            <Th className="hidden sm:table-cell">{t('shifts.drawer')}</Th>
            <Th className="hidden text-right md:table-cell">{t('shifts.expected')}</Th>
            <Th className="hidden text-right md:table-cell">{t('shifts.counted')}</Th>
            <Th className="text-right">{t('shifts.difference')}</Th>
          </tr>
        </THead>
        <tbody>
          {shifts.map((s) => (
            <HistoryRow key={s.id} shift={s} label={wall.dateTime(s.closedAt)} onZ={() => onZ((s.closedAt ?? '').slice(0, 10))} />
          ))}
        </tbody>
      </Table>
    </section>
  );
}

function HistoryRow({ shift: s, label, onZ }: { shift: Shift; label: string; onZ: () => void }) {
  const money = useMoney(s.currency);
  const os = s.overShort ?? 0;
  return (
    <Tr onClick={onZ}>
      <Td className="text-zinc-900">{label}</Td>
      <Td className="hidden sm:table-cell">{s.drawer}</Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{money(s.drawerFigures.expectedCash)}</Td>
      <Td className="hidden text-right tabular-nums md:table-cell">{money(s.countedCash ?? 0)}</Td>
      <Td className="text-right">
        <Badge tone={os === 0 ? 'success' : os > 0 ? 'info' : 'danger'}>{os === 0 ? '✓' : money(os, { sign: true })}</Badge>
      </Td>
    </Tr>
  );
}
