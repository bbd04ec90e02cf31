// The search / scan box. A barcode scanner is a keyboard that types the code and Enter: when nothing
// else has the focus (no field, no dialog), typed characters are sent here, so a scan always lands.
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons.js';
import { CIcon } from '../icons.js';

const TYPING = /^(INPUT|TEXTAREA|SELECT)$/;

export function ScanBox({
  value,
  onChange,
  onSubmit,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  ref?: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.key.length !== 1) return;
      const active = document.activeElement as HTMLElement | null;
      if (active && (TYPING.test(active.tagName) || active.isContentEditable)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      // Moving the focus during keydown makes the browser type this very key into the box.
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="relative">
      <Icon name="search" className="pointer-events-none absolute left-3.5 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
      <input
        ref={input}
        type="search"
        value={value}
        data-testid="catalog-search"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape') onChange('');
        }}
        placeholder={t('checkout.catalog.searchPlaceholder')}
        aria-label={t('checkout.catalog.searchPlaceholder')}
        autoComplete="off"
        enterKeyHint="go"
        className="block h-12 w-full rounded-xl border-0 bg-zinc-100 pl-11 pr-12 text-base text-zinc-900 placeholder:text-zinc-500 focus:bg-white focus:outline-none focus:ring-2 focus:ring-orchid-600"
      />
      <CIcon name="barcode" className="pointer-events-none absolute right-4 top-1/2 size-5 -translate-y-1/2 text-zinc-400" />
    </div>
  );
}
