import type { FastifyReply, FastifyRequest } from 'fastify';

const YEAR_S = 365 * 24 * 3600;

/** HttpOnly, SameSite=Lax, signed; Secure whenever the request came over HTTPS. */
export function setAuthCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, persistent = false) {
  reply.setCookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    signed: true,
    ...(persistent ? { maxAge: YEAR_S } : {}),
  });
}

export function clearAuthCookie(reply: FastifyReply, name: string) {
  reply.clearCookie(name, { path: '/' });
}

export function readSignedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name];
  if (!raw) return null;
  const u = request.unsignCookie(raw);
  return u.valid && u.value ? u.value : null;
}
