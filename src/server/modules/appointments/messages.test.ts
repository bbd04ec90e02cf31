import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../platform/i18n.js';
import { mailAddress } from './reminders.js';
import { MESSAGE_EVENTS, renderMessage } from './templates.js';

const facts = {
  storeName: 'Lotus',
  storePhone: '+17185550100',
  storeAddress: null,
  clientName: 'Mei',
  when: 'Mon, Nov 30, 2026, 10:00 AM',
  services: ['Manicure'],
  staff: ['Amy'],
};
const url = 'https://book.lotus.test/book/manage/abc.def';

describe('the manage link in client messages', () => {
  it('is in the email and the SMS of every live event, in every language; never in a cancellation', () => {
    for (const lang of LANGUAGES) {
      for (const event of MESSAGE_EVENTS) {
        const m = renderMessage(event, lang, { ...facts, manageUrl: url });
        const expected = event !== 'cancelled';
        expect(m.text.includes(url), `${event} ${lang} email`).toBe(expected);
        expect(m.sms.includes(url), `${event} ${lang} sms`).toBe(expected);
        const without = renderMessage(event, lang, facts);
        expect(without.text).not.toContain('http');
        expect(without.sms).not.toContain('http');
      }
    }
  });
});

describe('mailAddress', () => {
  it('takes the address out of a From header', () => {
    expect(mailAddress('Orchid <no-reply@orchid.local>')).toBe('no-reply@orchid.local');
    expect(mailAddress('hello@lotus.test')).toBe('hello@lotus.test');
    expect(mailAddress('"Lotus, Flushing" <hi@lotus.test>')).toBe('hi@lotus.test');
    expect(mailAddress('Orchid')).toBeNull();
    expect(mailAddress(undefined)).toBeNull();
  });
});
