import { describe, expect, it } from 'vitest';
import { firstStepWithError, guessCurrency, type SetupForm, toRequest, validateStep } from './model.js';

const form = (): SetupForm => ({
  business: { name: 'Lotus', currency: 'USD', language: 'en' },
  store: { name: 'Lotus Downtown', timeZone: 'America/New_York', address: '', phone: ' ' },
  owner: { name: 'Mei', email: 'mei@example.com', password: 'long-enough-1', confirm: 'long-enough-1' },
});

describe('setup wizard', () => {
  it('passes a complete form', () => {
    for (const step of ['business', 'store', 'owner'] as const) expect(validateStep(step, form())).toEqual({});
  });

  it('checks each step', () => {
    const f = form();
    f.business.name = ' ';
    f.store.timeZone = 'Nowhere/Place';
    f.owner = { name: '', email: 'not-an-email', password: 'short', confirm: 'other' };
    expect(validateStep('business', f)).toEqual({ 'business.name': { key: 'required' } });
    expect(validateStep('store', f)).toEqual({ 'store.timeZone': { key: 'timeZone' } });
    expect(validateStep('owner', f)).toEqual({
      'owner.name': { key: 'required' },
      'owner.email': { key: 'email' },
      'owner.password': { key: 'passwordLength' },
      'owner.confirm': { key: 'passwordMatch' },
    });
  });

  it('goes back to the first step the server complained about', () => {
    expect(firstStepWithError(['owner.email', 'store.timeZone'])).toBe('store');
    expect(firstStepWithError(['version'])).toBeNull();
  });

  it('sends only what the API expects, blanks as absent', () => {
    const body = toRequest(form());
    expect(body.store).toEqual({ name: 'Lotus Downtown', timeZone: 'America/New_York', address: undefined, phone: undefined });
    expect(body.owner).toEqual({ name: 'Mei', email: 'mei@example.com', password: 'long-enough-1' });
  });

  it('suggests CAD in Canada', () => {
    expect(guessCurrency('America/Vancouver', ['en-US'])).toBe('CAD');
    expect(guessCurrency('America/Chicago', ['en-CA'])).toBe('CAD');
    expect(guessCurrency('America/Chicago', ['zh-CN'])).toBe('USD');
  });
});
