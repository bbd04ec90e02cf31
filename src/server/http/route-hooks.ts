import type { RouteOptions } from 'fastify';

type HookList<T> = T | T[] | undefined;

const asList = <T>(hooks: HookList<T>): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

/**
 * Route-level hooks added from an `onRoute` hook: the route's own work is decided once at start-up
 * instead of on every request. New arrays each time: a GET and its HEAD twin share the options object.
 */
export function prependOnRequest(route: RouteOptions, hook: NonNullable<RouteOptions['onRequest']> extends HookList<infer H> ? H : never) {
  route.onRequest = [hook, ...asList(route.onRequest)];
}

export function appendOnSend(route: RouteOptions, hook: NonNullable<RouteOptions['onSend']> extends HookList<infer H> ? H : never) {
  route.onSend = [...asList(route.onSend), hook];
}
