import type { ReactNode } from 'react';
import type { Me } from '../../http/types.js';
import { useMe } from '../auth/session.js';
import { ForbiddenPage } from './StatusPages.js';

/** Shows the screen only to users allowed to use it (the server checks again). */
export function Guard({ allow, children }: { allow: string | ((me: Me) => boolean); children: ReactNode }) {
  const me = useMe();
  const ok = typeof allow === 'string' ? me.permissions.includes(allow) : allow(me);
  return ok ? children : <ForbiddenPage />;
}
