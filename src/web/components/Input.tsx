import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx.js';
import { useField } from './Field.js';
import { Icon } from './icons.js';

const control =
  'block rounded-lg border-0 bg-white px-3 text-[15px] text-zinc-900 shadow-sm ring-1 ring-inset ring-zinc-300 ' +
  'placeholder:text-zinc-400 transition-shadow focus:outline-none focus:ring-2 focus:ring-orchid-600 ' +
  'disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 ' +
  'aria-[invalid=true]:ring-red-500 aria-[invalid=true]:focus:ring-red-600';

type Invalid = { invalid?: boolean };

/** Full width unless the caller sets a width of its own. */
const width = (className: string | undefined) => (className && /(^|\s)(w-|max-w-)/.test(className) ? '' : 'w-full');

function useControlProps(id: string | undefined, invalid: boolean | undefined, describedBy: string | undefined) {
  const field = useField();
  return {
    id: id ?? field?.id,
    'aria-invalid': invalid ?? field?.invalid ?? undefined,
    'aria-describedby': describedBy ?? field?.describedBy,
  };
}

export function Input({
  className,
  invalid,
  id,
  ref,
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & Invalid & { ref?: Ref<HTMLInputElement> }) {
  const aria = useControlProps(id, invalid, rest['aria-describedby']);
  return <input ref={ref} className={cx(control, width(className), 'h-10', className)} {...rest} {...aria} />;
}

export function Textarea({ className, invalid, id, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Invalid) {
  const aria = useControlProps(id, invalid, rest['aria-describedby']);
  return <textarea className={cx(control, width(className), 'min-h-20 py-2', className)} {...rest} {...aria} />;
}

export function Select({ className, invalid, id, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & Invalid) {
  const aria = useControlProps(id, invalid, rest['aria-describedby']);
  return (
    <div className={cx('relative', className)}>
      <select className={cx(control, 'h-10 w-full appearance-none pr-9')} {...rest} {...aria}>
        {children}
      </select>
      <Icon name="chevronDown" className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-zinc-500" />
    </div>
  );
}

export function Checkbox({
  label,
  description,
  className,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { label: string; description?: string }) {
  return (
    <label className={cx('flex cursor-pointer items-start gap-3', className)}>
      <input type="checkbox" className="mt-0.5 size-4.5 shrink-0 cursor-pointer rounded border-zinc-300 accent-orchid-700" {...rest} />
      <span className="flex flex-col">
        <span className="text-sm font-medium text-zinc-800">{label}</span>
        {description ? <span className="text-sm text-zinc-500">{description}</span> : null}
      </span>
    </label>
  );
}

/** An on/off switch; a checkbox underneath, for forms and accessibility. */
export function Switch({
  checked,
  onChange,
  label,
  className,
  ...rest
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'type'>) {
  return (
    <label className={cx('inline-flex cursor-pointer items-center gap-2.5', className)}>
      <span className="relative inline-flex">
        <input
          type="checkbox"
          role="switch"
          aria-checked={checked}
          className="peer sr-only"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          {...rest}
        />
        <span className="h-6 w-10 rounded-full bg-zinc-300 transition-colors peer-checked:bg-orchid-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-orchid-500" />
        <span className="absolute left-0.5 top-0.5 size-5 rounded-full bg-white shadow transition-transform peer-checked:translate-x-4" />
      </span>
      <span className="text-sm text-zinc-700">{label}</span>
    </label>
  );
}
