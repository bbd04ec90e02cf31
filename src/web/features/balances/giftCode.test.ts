import { describe, expect, it } from 'vitest';
import { ALPHABET, checkChar, checkCode, displayCode, normalizeCode } from './giftCode.js';

const generated = (body: string) => `G${body}${checkChar(`G${body}`)}`;

describe('gift card codes in the browser', () => {
  const code = generated('7K29XQM4TPA8RB');

  it('accepts a generated code however it is typed', () => {
    expect(checkCode(code)).toEqual({ state: 'ok', code, kind: 'generated' });
    expect(checkCode(displayCode(code).toLowerCase())).toEqual({ state: 'ok', code, kind: 'generated' });
    expect(checkCode(` ${code.slice(0, 4)} ${code.slice(4)} `).state).toBe('ok');
  });

  it('catches every single mistyped character by its check character', () => {
    for (let i = 1; i < code.length; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        if (i === 0) continue;
        expect(checkCode(typo).state, typo).toBe('check_digit');
      }
    }
  });

  it('reads O as 0 and I/L as 1, as the server does', () => {
    expect(normalizeCode('go-il')).toBe('G011');
  });

  it('says a short generated code is still being typed', () => {
    expect(checkCode('G7K2-9XQ').state).toBe('partial');
    expect(checkCode('').state).toBe('empty');
  });

  it('takes a printed card number as it is, and refuses symbols', () => {
    expect(checkCode('6035 1234 5678')).toEqual({ state: 'ok', code: '603512345678', kind: 'scanned' });
    expect(checkCode('ABC#123').state).toBe('format');
  });

  it('groups a code in fours', () => {
    expect(displayCode('G7K29XQM4TPA8RB3')).toBe('G7K2-9XQM-4TPA-8RB3');
  });
});

describe('the same rules as the server', () => {
  // Codes made by the server's generateCode (src/server/modules/gift-cards/code.ts).
  const fromServer: string[] = [
    'G3G354GMJJ9Y668C',
    'GV0QEPEEHS2VBW6R',
    'G4ZT1JHMK9AK6GTF',
    'GAXPB9H6WR13SASP',
    'GWMF0YZX0AA42FW3',
    'GNYMYJATVFGSQ0GC',
  ];
  it('accepts every code the server generated', () => {
    for (const c of fromServer) expect(checkCode(c)).toEqual({ state: 'ok', code: c, kind: 'generated' });
  });
});
