import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../platform/audit.js';
import { PlatformErrors } from '../platform/errors.js';
import type { Language } from '../platform/i18n.js';
import type { Permission, Role } from '../platform/permissions.js';

/** The signed-in staff member behind a request, with what they may do and where. */
export type Actor = {
  staffId: string;
  name: string;
  role: Role;
  language: Language;
  /** Stores this person works at; for all-store roles, every store of the business. */
  storeIds: readonly string[];
  allStores: boolean;
  permissions: ReadonlySet<Permission>;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  terminalId: string | null;
};

/** Route access: public, or signed in with one permission. */
export type Access = { public: true } | { permission: Permission } | { signedIn: true };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    lang: Language;
  }
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route's writes never change who anyone is or may do (staff, roles, stores, sessions, terminals),
     * so the cached identities survive it. Only for hot paths at the counter; the default forgets them.
     */
    keepsIdentity?: true;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw PlatformErrors.unauthenticated();
  return request.actor;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw PlatformErrors.forbidden({ permission });
}

/** Store scoping: a person only touches the stores they work at (owners: all). */
export function assertStore(actor: Actor, storeId: string): void {
  if (!actor.allStores && !actor.storeIds.includes(storeId)) throw PlatformErrors.store_forbidden();
}

export function auditContext(request: FastifyRequest, now: number): AuditContext {
  return { actorId: request.actor?.staffId ?? null, ip: request.ip ?? null, requestId: String(request.id), now };
}
