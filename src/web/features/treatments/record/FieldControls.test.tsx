// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n/index.js';
import type { FieldDef, MetricValue } from '../types.js';
import { MetricField } from './FieldControls.js';

initI18n('en');
afterEach(cleanup);

function Harness({ field, onValue }: { field: FieldDef; onValue: (v: MetricValue | undefined) => void }) {
  const [value, setValue] = useState<MetricValue | undefined>(undefined);
  return (
    <MetricField
      field={field}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

describe('template fields on the tablet', () => {
  it('a scale is a row of big buttons; tapping the chosen one again clears it', () => {
    const seen: Array<MetricValue | undefined> = [];
    render(
      <Harness field={{ key: 'hydration', label: { en: 'Hydration' }, type: 'scale', min: 1, max: 5 }} onValue={(v) => seen.push(v)} />,
    );
    expect(screen.getAllByRole('button')).toHaveLength(5);
    fireEvent.click(screen.getByTestId('metric-hydration-4'));
    expect(screen.getByTestId('metric-hydration-4').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('metric-hydration-4'));
    expect(seen).toEqual([4, undefined]);
  });

  it('body areas are chips that toggle in and out of the list', () => {
    const seen: Array<MetricValue | undefined> = [];
    const field: FieldDef = {
      key: 'focusAreas',
      label: { en: 'Focus areas' },
      type: 'multi',
      options: [
        { value: 'neck', label: { en: 'Neck', 'zh-CN': '颈部' } },
        { value: 'shoulders', label: { en: 'Shoulders' } },
      ],
    };
    render(<Harness field={field} onValue={(v) => seen.push(v)} />);
    fireEvent.click(screen.getByTestId('metric-focusAreas-neck'));
    fireEvent.click(screen.getByTestId('metric-focusAreas-shoulders'));
    fireEvent.click(screen.getByTestId('metric-focusAreas-neck'));
    expect(seen).toEqual([['neck'], ['neck', 'shoulders'], ['shoulders']]);
  });

  it('a number steps within its range', () => {
    const seen: Array<MetricValue | undefined> = [];
    render(
      <Harness
        field={{ key: 'length', label: { en: 'Length' }, type: 'number', min: 5, max: 18, unit: 'mm' }}
        onValue={(v) => seen.push(v)}
      />,
    );
    fireEvent.click(screen.getByLabelText('More'));
    fireEvent.click(screen.getByLabelText('More'));
    expect(seen).toEqual(['5', '5.5']);
  });
});
