import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx.js';
import { Icon } from './icons.js';

type Tone = 'success' | 'error' | 'info';

interface ToastItem {
  id: number;
  tone: Tone;
  message: string;
}

type ShowToast = (message: string, tone?: Tone) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

export function useToast(): ShowToast {
  return useContext(ToastContext);
}

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((list) => list.filter((item) => item.id !== id)), []);
  const show = useCallback<ShowToast>(
    (message, tone = 'success') => {
      const id = nextId++;
      setItems((list) => [...list.slice(-2), { id, tone, message }]);
      window.setTimeout(() => dismiss(id), tone === 'error' ? 7000 : 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-20 z-[60] flex flex-col items-center gap-2 px-4 lg:bottom-6 lg:items-end lg:px-6"
      >
        {items.map((item) => (
          <div
            key={item.id}
            role="status"
            data-testid="toast"
            className={cx(
              'pointer-events-auto flex w-full max-w-sm animate-pop-in items-start gap-3 rounded-xl px-4 py-3 text-sm shadow-pop ring-1',
              item.tone === 'error' ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-zinc-900 text-white ring-zinc-900',
            )}
          >
            <Icon
              name={item.tone === 'error' ? 'alert' : item.tone === 'info' ? 'info' : 'checkCircle'}
              className={cx('mt-px size-5', item.tone === 'success' && 'text-emerald-400')}
            />
            <span className="flex-1">{item.message}</span>
            <button
              type="button"
              onClick={() => dismiss(item.id)}
              className="-mr-1 rounded p-0.5 opacity-70 hover:opacity-100"
              aria-label={t('common.dismiss')}
            >
              <Icon name="x" className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
