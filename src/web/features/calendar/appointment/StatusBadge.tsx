import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/Badge.js';
import type { Status } from '../types.js';

const TONE: Record<Status, BadgeTone> = {
  booked: 'accent',
  confirmed: 'info',
  checked_in: 'warning',
  in_service: 'success',
  completed: 'neutral',
  cancelled: 'neutral',
  no_show: 'danger',
};

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONE[status]} className="status-badge">
      <span data-testid="appointment-status" data-status={status}>
        {t(`calendar.status.${status}`)}
      </span>
    </Badge>
  );
}
