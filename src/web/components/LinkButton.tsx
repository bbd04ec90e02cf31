import { Link, type LinkComponentProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { type ButtonSize, type ButtonVariant, buttonClass } from './Button.js';
import { Icon, type IconName } from './icons.js';

/** A router link that looks like a Button. */
export function LinkButton({
  variant = 'secondary',
  size = 'md',
  icon,
  className,
  children,
  ...rest
}: LinkComponentProps & { variant?: ButtonVariant; size?: ButtonSize; icon?: IconName; className?: string }) {
  return (
    <Link className={buttonClass(variant, size, className)} {...rest}>
      {icon ? <Icon name={icon} className="size-4" /> : null}
      {children as ReactNode}
    </Link>
  );
}
