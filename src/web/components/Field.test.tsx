// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from './Field.js';
import { Input } from './Input.js';

afterEach(cleanup);

describe('Field', () => {
  it('labels its input and announces the error', () => {
    render(
      <Field label="Email" error="Enter a valid email address." hint="We never share it.">
        <Input data-testid="email" />
      </Field>,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toBe(screen.getByTestId('email'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Enter a valid email address.');
    expect(input.getAttribute('aria-describedby')).toContain(alert.id);
    // The hint gives way to the error.
    expect(screen.queryByText('We never share it.')).toBeNull();
  });

  it('shows the hint when all is well', () => {
    render(
      <Field label="Phone" hint="Optional">
        <Input />
      </Field>,
    );
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByText('Optional')).toBeTruthy();
  });
});
