import { describe, expect, it } from 'vitest';
import type { DueEntry } from '../types.js';
import { groupByStaff } from './group.js';

const entry = (staff: string, client: string, daysOverdue: number): DueEntry => ({
  recordId: `${staff}-${client}`,
  client: { id: client, name: client, phone: null },
  service: { id: 's', name: 'Facial', nameTranslations: {} },
  staff: { id: staff, name: staff },
  lastVisitOn: '2026-01-01',
  recommendedOn: '2026-01-15',
  daysOverdue,
  booked: false,
});

describe('due list grouping', () => {
  it('puts the technician with the most overdue clients first, most overdue client first', () => {
    const groups = groupByStaff([entry('Amy', 'A', -2), entry('Kevin', 'B', 3), entry('Kevin', 'C', 10), entry('Amy', 'D', 1)]);
    expect(groups.map((g) => [g.staff.name, g.overdue])).toEqual([
      ['Kevin', 2],
      ['Amy', 1],
    ]);
    expect(groups[0]!.entries.map((e) => e.client.name)).toEqual(['C', 'B']);
  });
});
