import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../platform/errors.js';
import { LANGUAGES } from '../../platform/i18n.js';
import {
  checkProcessingGap,
  cleanTranslations,
  containsPattern,
  effectiveProduct,
  effectiveService,
  isEmptyOverride,
  isValidDuration,
  lockedFieldsTouched,
  PRODUCT_LOCKABLE,
  resolveText,
  SERVICE_LOCKABLE,
  type ServiceLockField,
  type ServiceOverride,
  searchText,
  staffTerms,
} from './catalog.js';
import { fieldLocked, LOCK_FIELD_NAMES } from './errors.js';

const service = (locks: ServiceLockField[] = []) => ({ id: 's1', price: 4000, durationMin: 45, locks });
const none: ServiceOverride = { price: null, durationMin: null, available: null };

describe('effectiveService', () => {
  it('is the HQ service when the store overrides nothing', () => {
    for (const o of [null, undefined, none]) {
      expect(effectiveService(service(), o)).toEqual({
        ...service(),
        available: true,
        overridden: { price: false, duration: false, available: false },
      });
    }
  });

  it('applies each overridden field and marks it', () => {
    const e = effectiveService(service(), { price: 4500, durationMin: 60, available: false });
    expect(e).toMatchObject({
      id: 's1',
      price: 4500,
      durationMin: 60,
      available: false,
      overridden: { price: true, duration: true, available: true },
    });
    const onlyPrice = effectiveService(service(), { ...none, price: 0 });
    expect(onlyPrice).toMatchObject({
      price: 0,
      durationMin: 45,
      available: true,
      overridden: { price: true, duration: false, available: false },
    });
  });

  it('ignores an override of a field HQ locked afterwards', () => {
    const e = effectiveService(service(['price', 'available']), { price: 4500, durationMin: 60, available: false });
    expect(e).toMatchObject({
      price: 4000,
      durationMin: 60,
      available: true,
      overridden: { price: false, duration: true, available: false },
    });
  });

  it('never changes anything but price, duration and availability (property)', () => {
    const lock = fc.subarray(['price', 'duration', 'available'] as ServiceLockField[]);
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
    fc.assert(
      fc.property(
        lock,
        maybe(fc.nat(100_000)),
        maybe(fc.integer({ min: 1, max: 120 }).map((n) => n * 5)),
        maybe(fc.boolean()),
        (locks, price, durationMin, available) => {
          const s = { ...service(locks), extra: 'kept' };
          const e = effectiveService(s, { price, durationMin, available });
          expect(e.extra).toBe('kept');
          expect(e.locks).toEqual(locks);
          expect(e.price).toBe(price !== null && !locks.includes('price') ? price : 4000);
          expect(e.durationMin).toBe(durationMin !== null && !locks.includes('duration') ? durationMin : 45);
          expect(e.available).toBe(available !== null && !locks.includes('available') ? available : true);
          expect(e.overridden).toEqual({
            price: price !== null && !locks.includes('price'),
            duration: durationMin !== null && !locks.includes('duration'),
            available: available !== null && !locks.includes('available'),
          });
        },
      ),
    );
  });
});

describe('effectiveProduct', () => {
  it('applies price and availability unless locked', () => {
    const p = { id: 'p', price: 1200, locks: [] as Array<'price' | 'available'> };
    expect(effectiveProduct(p, { price: 1000, available: null })).toMatchObject({
      price: 1000,
      available: true,
      overridden: { price: true, available: false },
    });
    expect(effectiveProduct({ ...p, locks: ['price'] }, { price: 1000, available: false })).toMatchObject({
      price: 1200,
      available: false,
      overridden: { price: false, available: true },
    });
  });
});

describe('locks', () => {
  it('names the locked fields a store tries to set, not the ones it clears', () => {
    expect(lockedFieldsTouched(['price'], { price: 100, durationMin: null, available: null })).toEqual(['price']);
    expect(lockedFieldsTouched(['price', 'duration'], { price: null, durationMin: 30, available: false })).toEqual(['duration']);
    expect(lockedFieldsTouched(['price', 'duration', 'available'], none)).toEqual([]);
    expect(lockedFieldsTouched(['available'], { price: 5, available: true })).toEqual(['available']);
    expect(lockedFieldsTouched([], { price: 5, durationMin: 30, available: true })).toEqual([]);
  });

  it('recognises an empty override', () => {
    expect(isEmptyOverride(none)).toBe(true);
    expect(isEmptyOverride({ price: null, available: null })).toBe(true);
    expect(isEmptyOverride({ ...none, available: true })).toBe(false);
    expect(isEmptyOverride({ price: 0, available: null })).toBe(false);
  });
});

describe('durations and the processing gap', () => {
  it('accepts multiples of 5 minutes from 5 to 600', () => {
    expect([5, 30, 45, 600].every(isValidDuration)).toBe(true);
    expect([0, 3, 7, 605, 610, -5, 2.5].some(isValidDuration)).toBe(false);
  });

  it('accepts no gap, or a gap inside every duration', () => {
    expect(checkProcessingGap({ processingStartMin: null, processingMin: null }, [{ path: 'durationMin', durationMin: 5 }])).toEqual([]);
    expect(checkProcessingGap({ processingStartMin: 20, processingMin: 25 }, [{ path: 'durationMin', durationMin: 60 }])).toEqual([]);
    expect(checkProcessingGap({ processingStartMin: 0, processingMin: 60 }, [{ path: 'durationMin', durationMin: 60 }])).toEqual([]);
  });

  it('refuses half a gap, odd minutes, or a gap running past a duration (with paths)', () => {
    expect(checkProcessingGap({ processingStartMin: 20, processingMin: null }, [])[0]?.path).toBe('processingMin');
    expect(checkProcessingGap({ processingStartMin: null, processingMin: 10 }, [])[0]?.path).toBe('processingStartMin');
    expect(checkProcessingGap({ processingStartMin: 7, processingMin: 10 }, []).map((e) => e.path)).toEqual(['processingStartMin']);
    expect(checkProcessingGap({ processingStartMin: 10, processingMin: 0 }, []).map((e) => e.path)).toEqual(['processingMin']);
    const errs = checkProcessingGap({ processingStartMin: 30, processingMin: 20 }, [
      { path: 'durationMin', durationMin: 60 },
      { path: 'staff.1.durationMin', durationMin: 45 },
      { path: 'overrides.x.durationMin', durationMin: 50 },
    ]);
    expect(errs.map((e) => e.path)).toEqual(['staff.1.durationMin']);
  });
});

describe('staffTerms', () => {
  it("uses the technician's own price and duration where set, the store's otherwise", () => {
    expect(staffTerms({ price: 4000, durationMin: 45 }, { price: null, durationMin: null })).toEqual({
      price: 4000,
      durationMin: 45,
      ownPrice: false,
      ownDuration: false,
    });
    expect(staffTerms({ price: 4000, durationMin: 45 }, { price: 5000, durationMin: null })).toEqual({
      price: 5000,
      durationMin: 45,
      ownPrice: true,
      ownDuration: false,
    });
    expect(staffTerms({ price: 4000, durationMin: 45 }, { price: 0, durationMin: 30 })).toEqual({
      price: 0,
      durationMin: 30,
      ownPrice: true,
      ownDuration: true,
    });
  });
});

describe('translations', () => {
  const tr = { 'zh-CN': '凝胶美甲', 'zh-TW': '凝膠美甲' };
  it('shows the reader’s language, else the base name', () => {
    expect(resolveText('Gel Manicure', tr, 'zh-CN')).toBe('凝胶美甲');
    expect(resolveText('Gel Manicure', tr, 'zh-TW')).toBe('凝膠美甲');
    expect(resolveText('Gel Manicure', tr, 'en')).toBe('Gel Manicure');
    expect(resolveText('Gel Manicure', { en: '  ' }, 'en')).toBe('Gel Manicure');
    expect(resolveText(null, {}, 'en')).toBeNull();
  });

  it('drops blank and unknown languages', () => {
    expect(cleanTranslations({ en: ' Gel ', 'zh-CN': '', 'zh-TW': '凝膠', fr: 'x' } as never)).toEqual({ en: 'Gel', 'zh-TW': '凝膠' });
    expect(cleanTranslations(undefined)).toEqual({});
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards and lowercases', () => {
    expect(containsPattern('Gel')).toBe('%gel%');
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('searchText', () => {
  it('joins lowercased texts and translation values, never the language keys', () => {
    expect(searchText('Gel Manicure', { 'zh-CN': '凝胶美甲', en: ' GEL ' }, null, undefined, 'CND')).toBe(
      'gel manicure\n凝胶美甲\ngel\ncnd',
    );
    expect(searchText('X', {})).not.toContain('zh');
  });
});

describe('field_locked', () => {
  it('names every lockable field in each language', () => {
    for (const f of [...SERVICE_LOCKABLE, ...PRODUCT_LOCKABLE])
      for (const lang of LANGUAGES) expect(LOCK_FIELD_NAMES[f][lang]).toBeTruthy();
  });

  it('shows the field names in the reader language, never the API keys, with the API paths as field errors', () => {
    const detail = (lang: (typeof LANGUAGES)[number]) => describeError(fieldLocked(['price', 'duration', 'available'], lang), lang).detail;
    expect(detail('en')).toBe('Head office locked “price, duration, availability” for this item, so a store cannot override it.');
    expect(detail('zh-CN')).toBe('总部已锁定此项目的“价格、时长、供应”，门店不能修改。');
    expect(detail('zh-TW')).toBe('總部已鎖定此項目的「價格、時長、供應」，門市不能修改。');
    const err = fieldLocked(['price', 'duration'], 'zh-CN');
    expect(err.errors).toEqual([
      { path: 'price', message: '总部已锁定' },
      { path: 'durationMin', message: '总部已锁定' },
    ]);
  });
});
