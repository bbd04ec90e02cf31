import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../../http/types.js';
import { MeContext, meQuery, takeSessionExpired } from '../auth/session.js';
import { useThisTerminal } from '../auth/terminal.js';
import { BottomNav } from './BottomNav.js';
import { CurrentStoreProvider } from './CurrentStore.js';
import { Sidebar } from './Sidebar.js';
import { TopBar } from './TopBar.js';

const COLLAPSED_KEY = 'orchid.sidebarCollapsed';

function useCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(() => {
    try {
      return localStorage.getItem(COLLAPSED_KEY) === '1';
    } catch {
      return false;
    }
  });
  const toggle = () =>
    setCollapsed((value) => {
      try {
        localStorage.setItem(COLLAPSED_KEY, value ? '0' : '1');
      } catch {
        // storage unavailable
      }
      return !value;
    });
  return [collapsed, toggle];
}

/** The signed-in frame: navigation, top bar and the current screen. */
export function AppFrame() {
  const { data } = useQuery(meQuery);
  const navigate = useNavigate();
  const router = useRouter();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const last = useRef<Me | null>(data ?? null);
  if (data) last.current = data;
  const [collapsed, toggleCollapsed] = useCollapsed();
  const [mobileOpen, setMobileOpen] = useState(false);
  const { terminal } = useThisTerminal(data);

  // Signed out (here, or the session expired): to the sign-in page, once. After an expiry the user
  // comes back to where they were.
  const leaving = useRef(false);
  useEffect(() => {
    if (data !== null || leaving.current) return;
    leaving.current = true;
    const here = router.state.location.href;
    const search = takeSessionExpired() && here !== '/' ? { redirect: here } : {};
    void navigate({ to: '/login', search });
  }, [data, navigate, router]);

  // Close the phone/tablet drawer whenever the route changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => setMobileOpen(false), [pathname]);

  const me = last.current;
  if (!me) return null;
  return (
    <MeContext.Provider value={me}>
      <CurrentStoreProvider me={me} terminalStoreId={terminal?.storeId}>
        <div className="min-h-dvh lg:flex">
          <Sidebar
            collapsed={collapsed}
            onToggleCollapsed={toggleCollapsed}
            mobileOpen={mobileOpen}
            onCloseMobile={() => setMobileOpen(false)}
          />
          <div className="flex min-w-0 flex-1 flex-col">
            <TopBar onOpenMenu={() => setMobileOpen(true)} />
            <main className="mx-auto w-full max-w-6xl flex-1 px-4 pb-28 pt-6 sm:px-6 md:pb-10 lg:px-8 lg:pt-8" id="main">
              <Outlet />
            </main>
          </div>
          <BottomNav onMore={() => setMobileOpen(true)} />
        </div>
      </CurrentStoreProvider>
    </MeContext.Provider>
  );
}
