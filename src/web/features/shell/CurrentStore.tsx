import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Me, StoreSummary } from '../../http/types.js';

const STORAGE_KEY = 'orchid.storeId';

interface CurrentStore {
  store: StoreSummary | null;
  setStoreId: (id: string) => void;
}

const CurrentStoreContext = createContext<CurrentStore>({ store: null, setStoreId: () => undefined });

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The store the user is working in. A registered terminal starts in its own store; otherwise the
 * last choice on this device, or the first store the user may see.
 */
export function CurrentStoreProvider({
  me,
  terminalStoreId,
  children,
}: {
  me: Me;
  terminalStoreId?: string | undefined;
  children: ReactNode;
}) {
  const [chosen, setChosen] = useState<string | null>(() => readStored());
  const store = useMemo(() => {
    const byId = (id: string | null | undefined) => (id ? me.stores.find((s) => s.id === id) : undefined);
    return byId(chosen) ?? byId(terminalStoreId ?? me.terminal?.storeId) ?? me.stores[0] ?? null;
  }, [me, chosen, terminalStoreId]);
  const setStoreId = useCallback((id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // storage unavailable: the choice lasts for this page
    }
  }, []);
  const value = useMemo(() => ({ store, setStoreId }), [store, setStoreId]);
  return <CurrentStoreContext.Provider value={value}>{children}</CurrentStoreContext.Provider>;
}

export function useCurrentStore(): CurrentStore {
  return useContext(CurrentStoreContext);
}
