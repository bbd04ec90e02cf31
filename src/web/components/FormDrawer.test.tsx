// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { FormDrawer } from './FormDrawer.js';
import { Input } from './Input.js';

initI18n('en');
afterEach(cleanup);

describe('FormDrawer', () => {
  it('submits from the footer button and on Enter in a field; Cancel closes without submitting', () => {
    const onSubmit = vi.fn();
    const onClose = vi.fn();
    render(
      <FormDrawer
        title="Add a thing"
        testId="thing-drawer"
        onClose={onClose}
        onSubmit={onSubmit}
        submitLabel="Save"
        submitting={false}
        submitTestId="thing-save"
      >
        <Input data-testid="thing-name" />
      </FormDrawer>,
    );
    expect(screen.getByTestId('thing-drawer').getAttribute('aria-label')).toBe('Add a thing');
    fireEvent.click(screen.getByTestId('thing-save'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    fireEvent.submit(screen.getByTestId('thing-name').closest('form') as HTMLFormElement);
    expect(onSubmit).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('shows the submit button busy while saving', () => {
    render(
      <FormDrawer title="Add a thing" onClose={() => {}} onSubmit={() => {}} submitLabel="Save" submitting submitTestId="thing-save">
        <p>body</p>
      </FormDrawer>,
    );
    const save = screen.getByTestId('thing-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(save.getAttribute('aria-busy')).toBe('true');
  });
});
