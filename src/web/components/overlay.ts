import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// Open modals, innermost last: only the top one answers Escape and Tab.
const stack: object[] = [];

/**
 * Modal behaviour shared by Drawer and Dialog: Escape closes, Tab stays inside, the page behind
 * does not scroll, focus moves in on open and goes back where it was on close.
 */
export function useModal(open: boolean, panel: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!open) return;
    const me = {};
    stack.push(me);
    const previous = document.activeElement as HTMLElement | null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';

    const focusFirst = () => {
      const node = panel.current;
      if (!node || node.contains(document.activeElement)) return;
      const auto = node.querySelector<HTMLElement>('[data-autofocus]');
      const first = auto ?? node.querySelector<HTMLElement>(FOCUSABLE);
      (first ?? node).focus();
    };
    const timer = window.setTimeout(focusFirst, 0);

    const onKey = (event: KeyboardEvent) => {
      if (stack[stack.length - 1] !== me) return;
      if (event.key === 'Escape') {
        event.stopPropagation();
        close.current();
        return;
      }
      if (event.key !== 'Tab' || !panel.current) return;
      const items = Array.from(panel.current.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      stack.splice(stack.indexOf(me), 1);
      document.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
      previous?.focus?.();
    };
  }, [open, panel]);
}
