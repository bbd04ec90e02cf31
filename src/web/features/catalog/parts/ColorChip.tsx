import { cx } from '../../../components/cx.js';

/** A small swatch of a service or category colour; a dashed ring when there is none. */
export function ColorChip({ color, className }: { color: string | null | undefined; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        'inline-block shrink-0 rounded-md',
        color ? '' : 'ring-1 ring-inset ring-dashed ring-zinc-300',
        className ?? 'size-3.5',
      )}
      style={color ? { backgroundColor: color } : undefined}
    />
  );
}
