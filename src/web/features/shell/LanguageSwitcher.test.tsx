// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../../components/Toast.js';
import { i18n, initI18n } from '../../i18n/index.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

function renderSwitcher(persist: boolean) {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <LanguageSwitcher persist={persist} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

const me = (language: string) => ({
  staff: { id: 's1', name: 'Mei', displayName: 'Mei', email: 'm@x.test', role: 'owner', language },
  business: { id: 'b1', name: 'Lotus', currency: 'USD', language: 'en' },
  stores: [],
  permissions: [],
  csrfToken: 'csrf',
  terminal: null,
});

beforeEach(async () => {
  localStorage.clear();
  initI18n('en');
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('LanguageSwitcher', () => {
  it('offers the three languages by their own names', () => {
    renderSwitcher(false);
    const options = [...screen.getByTestId<HTMLSelectElement>('language-switcher').options].map((o) => o.textContent);
    expect(options).toEqual(['English', '简体中文', '繁體中文']);
  });

  it('switches the UI at once and remembers it on the device', async () => {
    renderSwitcher(false);
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'zh-TW' } });
    await waitFor(() => expect(i18n.language).toBe('zh-TW'));
    expect(localStorage.getItem('orchid.language')).toBe('zh-TW');
    expect(document.documentElement.lang).toBe('zh-TW');
    expect(i18n.t('nav.items.staff')).toBe('員工');
  });

  it('saves the choice to the profile when signed in', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(me('zh-CN')), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    renderSwitcher(true);
    fireEvent.change(screen.getByTestId('language-switcher'), { target: { value: 'zh-CN' } });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/me');
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({ language: 'zh-CN' });
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('zh-CN');
  });
});
