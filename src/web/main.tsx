import './styles.css';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ToastProvider } from './components/Toast.js';
import { sessionExpired } from './features/auth/session.js';
import { setUnauthenticatedHandler } from './http/client.js';
import { isApiError } from './http/problem.js';
import { initI18n } from './i18n/index.js';
import { createAppRouter } from './routes/tree.js';

const i18n = initI18n();

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx never helps; a dropped connection might.
      retry: (count, error) => (!isApiError(error) || error.status === 0 || error.status >= 500) && count < 2,
    },
  },
});

// A 401 on any signed-in request means the session is gone: the app frame sends the user to sign in.
setUnauthenticatedHandler(() => sessionExpired(queryClient));

// Names, messages and formatted values come back in the request's language: refetch on a switch.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());

const router = createAppRouter(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
