import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from '../../../components/cx.js';
import { Icon } from '../../../components/icons.js';

/** Colours that read well on the calendar, with white text on them. */
export const PALETTE = [
  { hex: '#E91E63', name: 'pink' },
  { hex: '#D81B60', name: 'raspberry' },
  { hex: '#9C27B0', name: 'purple' },
  { hex: '#673AB7', name: 'violet' },
  { hex: '#3F51B5', name: 'indigo' },
  { hex: '#1E88E5', name: 'blue' },
  { hex: '#0097A7', name: 'cyan' },
  { hex: '#009688', name: 'teal' },
  { hex: '#43A047', name: 'green' },
  { hex: '#FF9800', name: 'orange' },
  { hex: '#F4511E', name: 'coral' },
  { hex: '#795548', name: 'brown' },
  { hex: '#607D8B', name: 'slate' },
] as const;

type ColorName = (typeof PALETTE)[number]['name'];

/** Pick a colour from the palette, or none. A colour from elsewhere (the API, an import) stays selectable. */
export function ColorPalette({
  value,
  onChange,
  label,
  disabled,
  testId,
}: {
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const group = useId();
  const current = value?.toUpperCase() ?? null;
  const custom = current && !PALETTE.some((p) => p.hex === current) ? current : null;
  const swatch = (hex: string | null, name: string) => {
    const selected = hex === current;
    return (
      <label
        key={hex ?? 'none'}
        title={name}
        data-testid={testId ? `${testId}-${hex ? hex.slice(1).toLowerCase() : 'none'}` : undefined}
        className={cx('relative', disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer')}
      >
        <input
          type="radio"
          name={group}
          className="peer sr-only"
          aria-label={name}
          checked={selected}
          disabled={disabled}
          onChange={() => onChange(hex)}
        />
        <span
          aria-hidden="true"
          className={cx(
            'flex size-8 items-center justify-center rounded-full transition-transform peer-focus-visible:ring-2 peer-focus-visible:ring-orchid-600 peer-focus-visible:ring-offset-2',
            selected ? 'ring-2 ring-zinc-900 ring-offset-2' : 'hover:scale-110',
            hex ? '' : 'bg-white ring-1 ring-inset ring-zinc-300',
          )}
          style={hex ? { backgroundColor: hex } : undefined}
        >
          {selected && hex ? <Icon name="check" className="size-4 text-white" /> : null}
          {!hex ? <Icon name="x" className="size-4 text-zinc-400" /> : null}
        </span>
      </label>
    );
  };
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-2" data-testid={testId}>
      {swatch(null, t('catalog.colors.none'))}
      {PALETTE.map((p) => swatch(p.hex, t(`catalog.colors.${p.name as ColorName}`)))}
      {custom ? swatch(custom, custom) : null}
    </div>
  );
}
