// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../components/Toast.js';
import { i18n, initI18n } from '../../i18n/index.js';
import { feedAddress } from './api.js';
import { CalendarFeedSection } from './CalendarFeed.js';

const feed = (path: string, url: string | null = null) => ({ url, path, createdAt: '2026-11-27T15:00:00.000Z', rotatedAt: null });

function renderFeed() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <CalendarFeedSection staffId="s1" />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  initI18n('en');
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('calendar feed section', () => {
  it('prefers the server’s public URL, else puts this origin before the path', () => {
    expect(
      feedAddress(feed('/api/v1/public/staff-calendar/x.ics', 'https://book.test/api/v1/public/staff-calendar/x.ics'), 'http://lan:3000'),
    ).toBe('https://book.test/api/v1/public/staff-calendar/x.ics');
    expect(feedAddress(feed('/api/v1/public/staff-calendar/x.ics'), 'http://lan:3000')).toBe(
      'http://lan:3000/api/v1/public/staff-calendar/x.ics',
    );
  });

  it('shows the address and replaces it after a confirmed rotation', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? new Response(JSON.stringify({ ...feed('/api/v1/public/staff-calendar/new.ics'), rotatedAt: '2026-11-28T10:00:00.000Z' }))
        : new Response(JSON.stringify(feed('/api/v1/public/staff-calendar/old.ics'))),
    );
    vi.stubGlobal('fetch', fetch);
    renderFeed();
    const input = await screen.findByTestId<HTMLInputElement>('calendar-feed-url');
    expect(input.value).toBe(`${window.location.origin}/api/v1/public/staff-calendar/old.ics`);
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/staff/s1/calendar-feed');

    fireEvent.click(screen.getByTestId('calendar-feed-rotate'));
    expect(fetch).toHaveBeenCalledTimes(1); // nothing before the confirmation
    fireEvent.click(await screen.findByTestId('confirm-button'));
    await waitFor(() => expect(input.value).toBe(`${window.location.origin}/api/v1/public/staff-calendar/new.ics`));
    const [url, init] = fetch.mock.calls[1]!;
    expect(url).toBe('/api/v1/staff/s1/calendar-feed/rotate');
    expect(init?.method).toBe('POST');
  });
});
