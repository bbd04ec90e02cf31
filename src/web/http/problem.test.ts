import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors, normalizePath, toProblem, unplacedErrors } from './problem.js';

describe('problem+json', () => {
  it('keeps the server fields and defaults what is missing', () => {
    const p = toProblem(409, {
      title: 'Conflict',
      status: 409,
      code: 'stale_version',
      detail: 'Reload',
      errors: [{ path: '/version', message: 'old' }],
    });
    expect(p).toMatchObject({ status: 409, code: 'stale_version', title: 'Conflict', detail: 'Reload' });
    expect(p.errors).toEqual([{ path: '/version', message: 'old' }]);
    expect(toProblem(502, undefined)).toEqual({ status: 502, code: 'http_502' });
  });

  it('normalises JSON pointer and dotted paths alike', () => {
    expect(normalizePath('/owner/email')).toBe('owner.email');
    expect(normalizePath('body.owner.email')).toBe('owner.email');
    expect(normalizePath('hours.mon[1].close')).toBe('hours.mon.1.close');
  });

  it('maps field errors onto the path and every parent, first message wins', () => {
    const error = new ApiError({
      status: 400,
      code: 'validation_failed',
      errors: [
        { path: '/storeIds/0', message: 'unknown store' },
        { path: '/storeIds/1', message: 'second' },
        { path: '/owner/email', message: 'taken' },
      ],
    });
    expect(fieldErrors(error)).toMatchObject({ storeIds: 'unknown store', 'storeIds.0': 'unknown store', 'storeIds.1': 'second' });
    expect(fieldErrors(error, 'owner')).toEqual({ email: 'taken' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });

  it('reports the errors no form field can show', () => {
    const error = new ApiError({
      status: 400,
      code: 'bad',
      errors: [
        { path: '/name', message: 'a' },
        { path: '/weird', message: 'b' },
      ],
    });
    expect(unplacedErrors(error, ['name'])).toEqual([{ path: '/weird', message: 'b' }]);
  });
});
