import type { DueEntry } from '../types.js';

/** Due entries by technician (most overdue first inside each), technicians with the most overdue first. */
export function groupByStaff(entries: readonly DueEntry[]): Array<{ staff: DueEntry['staff']; entries: DueEntry[]; overdue: number }> {
  const groups = new Map<string, { staff: DueEntry['staff']; entries: DueEntry[]; overdue: number }>();
  for (const e of entries) {
    const g = groups.get(e.staff.id) ?? { staff: e.staff, entries: [], overdue: 0 };
    g.entries.push(e);
    if (e.daysOverdue > 0) g.overdue += 1;
    groups.set(e.staff.id, g);
  }
  for (const g of groups.values()) g.entries.sort((a, b) => b.daysOverdue - a.daysOverdue || a.client.name.localeCompare(b.client.name));
  return [...groups.values()].sort(
    (a, b) => b.overdue - a.overdue || b.entries.length - a.entries.length || a.staff.name.localeCompare(b.staff.name),
  );
}
