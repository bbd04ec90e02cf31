// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReasonField } from './ReasonField.js';

afterEach(cleanup);

function Harness({ error }: { error?: string }) {
  const [reason, setReason] = useState('');
  return (
    <ReasonField
      label="Reason"
      error={error}
      value={reason}
      onChange={setReason}
      suggestions={['Duplicate sale', 'Client left']}
      testId="void-reason"
    />
  );
}

describe('ReasonField', () => {
  it('a suggestion fills the reason, which can then be typed over', () => {
    render(<Harness />);
    const input = screen.getByTestId('void-reason') as HTMLInputElement;
    expect(screen.getByLabelText('Reason')).toBe(input);
    expect(input.maxLength).toBe(200);
    fireEvent.click(screen.getByRole('button', { name: 'Client left' }));
    expect(input.value).toBe('Client left');
    fireEvent.change(input, { target: { value: 'Client left early' } });
    expect(input.value).toBe('Client left early');
  });

  it('shows the error on the field', () => {
    render(<Harness error="A reason is required." />);
    expect(screen.getByRole('alert').textContent).toContain('A reason is required.');
    expect(screen.getByTestId('void-reason').getAttribute('aria-invalid')).toBe('true');
  });
});
