import { describe, expect, it } from 'vitest';
import { CLIENT_CSV_COLUMNS, tryNormalizeEmail, tryNormalizePhone } from '../index.js';
import { formatPartialDate, parseConsent, parseDate, parseDateTime, parseLanguage, splitTags } from './fields.js';
import { type MapContext, type Mapping, mapRow } from './mapping.js';
import { splitFullName } from './names.js';
import { detectPreset, suggestMapping } from './presets.js';

const STORE = 'store-ny';
const ctx: MapContext = {
  dateFormat: 'MDY',
  nameOrder: 'given_first',
  currentYear: 2026,
  defaultStoreId: STORE,
  store: (raw) => (raw === 'vancouver' ? 'store-van' : null),
  staff: (raw) => (raw === 'amy@lotus.test' ? 'staff-amy' : null),
  phone: (raw, storeId) => tryNormalizePhone(raw, storeId === 'store-van' ? 'CA' : 'US'),
  email: tryNormalizeEmail,
  customDefs: [],
};
const m = (fields: Mapping['fields'], custom: Mapping['custom'] = {}): Mapping => ({ fields, custom });

describe('names', () => {
  it('splits Chinese names with the family name first, compound family names included', () => {
    expect(splitFullName('王小明')).toEqual({ lastName: '王', firstName: '小明' });
    expect(splitFullName('欧阳娜娜')).toEqual({ lastName: '欧阳', firstName: '娜娜' });
    expect(splitFullName('司馬相如')).toEqual({ lastName: '司馬', firstName: '相如' });
    expect(splitFullName('诸葛亮')).toEqual({ lastName: '诸葛', firstName: '亮' });
    expect(splitFullName('李白')).toEqual({ lastName: '李', firstName: '白' });
    expect(splitFullName('王 小明')).toEqual({ lastName: '王', firstName: '小明' });
    expect(splitFullName('阿依古丽·买买提')).toEqual({ firstName: '阿依古丽', lastName: '买买提' });
  });

  it('splits Latin names by space, honouring the family-name-first option and "Last, First"', () => {
    expect(splitFullName('Xiaoming Wang')).toEqual({ firstName: 'Xiaoming', lastName: 'Wang' });
    expect(splitFullName('Wang Xiaoming', 'family_first')).toEqual({ firstName: 'Xiaoming', lastName: 'Wang' });
    expect(splitFullName('Mary Ann  Smith')).toEqual({ firstName: 'Mary', lastName: 'Ann Smith' });
    expect(splitFullName('Wang, Xiaoming')).toEqual({ firstName: 'Xiaoming', lastName: 'Wang' });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});

describe('dates', () => {
  it('reads the three formats, with or without a year', () => {
    expect(parseDate('03/15/1990', 'MDY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('15/03/1990', 'DMY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('1990-03-15', 'YMD', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('1990-03-15', 'DMY', 2026)).toEqual({ year: 1990, month: 3, day: 15 }); // ISO always
    expect(parseDate('3/15', 'MDY', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('15/3', 'DMY', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('--03-15', 'MDY', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('0000-03-15', 'YMD', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('1990年3月15日', 'MDY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('3月15日', 'MDY', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('Mar 15, 1990', 'DMY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('15 March', 'MDY', 2026)).toEqual({ year: null, month: 3, day: 15 });
    expect(parseDate('3/15/90', 'MDY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('1990-03-15 00:00:00', 'MDY', 2026)).toEqual({ year: 1990, month: 3, day: 15 });
    expect(parseDate('2/29', 'MDY', 2026)).toEqual({ year: null, month: 2, day: 29 });
  });

  it('refuses impossible or ambiguous-format dates', () => {
    expect(parseDate('15/03/1990', 'MDY', 2026)).toBeNull();
    expect(parseDate('02/30/1990', 'MDY', 2026)).toBeNull();
    expect(parseDate('02/29/1990', 'MDY', 2026)).toBeNull();
    expect(parseDate('01/01/2031', 'MDY', 2026)).toBeNull(); // a birthday in the future
    expect(parseDate('soon', 'MDY', 2026)).toBeNull();
    expect(parseDate('Smarch 3', 'MDY', 2026)).toBeNull();
  });

  it('formats partial dates as ISO, --MM-DD without a year', () => {
    expect(formatPartialDate({ year: null, month: 3, day: 5 })).toBe('--03-05');
    expect(formatPartialDate({ year: 1990, month: 12, day: 25 })).toBe('1990-12-25');
  });

  it('reads consent timestamps', () => {
    expect(parseDateTime('2024-01-02', 'MDY', 2026)).toEqual({ date: '2024-01-02', time: '00:00' });
    expect(parseDateTime('1/2/2024 3:05 PM', 'MDY', 2026)).toEqual({ date: '2024-01-02', time: '15:05' });
    expect(parseDateTime('2024-01-02T10:00:00Z', 'MDY', 2026)).toEqual({ instant: Date.UTC(2024, 0, 2, 10) });
    expect(parseDateTime('3/15', 'MDY', 2026)).toBeNull(); // a consent needs a year
  });
});

describe('values', () => {
  it('reads consent words in English and Chinese', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', '是', 'Subscribed', 'opted_in']) expect(parseConsent(yes)).toBe(true);
    for (const no of ['no', 'n', 'false', '0', '否', 'Unsubscribed', 'NOT_SUBSCRIBED']) expect(parseConsent(no)).toBe(false);
    expect(parseConsent('  ')).toBeUndefined();
    expect(parseConsent('maybe')).toBeNull();
  });

  it('splits tags on , ; | and drops repeats', () => {
    expect(splitTags('VIP, gel;  pedicure |vip||')).toEqual(['VIP', 'gel', 'pedicure']);
    expect(splitTags('老客户、会员')).toEqual(['老客户', '会员']);
    expect(splitTags('Nails, Gel; VIP', ';')).toEqual(['Nails, Gel', 'VIP']);
  });

  it('reads language names', () => {
    expect(parseLanguage('English')).toBe('en');
    expect(parseLanguage('zh_CN')).toBe('zh-CN');
    expect(parseLanguage('繁體中文')).toBe('zh-TW');
    expect(parseLanguage('Klingon')).toBeUndefined();
  });
});

describe('mapRow', () => {
  const headers = ['Name', 'Phone', 'Email', 'Birthday', 'Tags', 'SMS', 'SMS Date', 'Notes', 'Language'];
  const columns = {
    fullName: [0],
    phone: [1],
    email: [2],
    birthday: [3],
    tags: [4],
    smsConsent: [5],
    smsConsentDate: [6],
    notes: [7],
    language: [8],
  };

  it('maps a good row to a draft with normalised values', () => {
    const r = mapRow(
      ['王小明', '(415) 555-0134', ' Wang@Example.COM ', '3/15', 'VIP; gel', '是', '1/2/2024', 'Likes\nhot stones', 'Mandarin'],
      m(columns),
      ctx,
    );
    expect(headers.length).toBe(9);
    expect(r).toEqual({
      ok: true,
      warnings: [],
      draft: expect.objectContaining({
        firstName: '小明',
        lastName: '王',
        phone: '+14155550134',
        email: 'wang@example.com',
        birthday: { year: null, month: 3, day: 15, lunar: false },
        tags: ['VIP', 'gel'],
        smsConsent: { granted: true, at: { date: '2024-01-02', time: '00:00' }, wording: null },
        emailConsent: null,
        notes: 'Likes\nhot stones',
        language: 'zh-CN',
      }),
    });
  });

  it('reads the phone formats of the issue', () => {
    for (const p of ['(415) 555-0134', '415.555.0134', '+1 415 555 0134', '1-415-555-0134']) {
      const r = mapRow(['A B', p], m({ fullName: [0], phone: [1] }), ctx);
      expect(r.ok && r.draft.phone).toBe('+14155550134');
    }
    const ca = mapRow(['A B', '+1 604 555 0199'], m({ fullName: [0], phone: [1] }), ctx);
    expect(ca.ok && ca.draft.phone).toBe('+16045550199');
  });

  it('lists every problem of a bad row', () => {
    const r = mapRow(['', '555', 'not-an-email', '13/45/1990', 'x', 'maybe', '', '', 'Klingon'], m(columns), ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['name_missing', 'invalid_phone', 'invalid_email', 'invalid_birthday', 'invalid_consent']);
    expect(r.warnings.map((i) => i.code)).toEqual(['unknown_language']);
  });

  it('takes the first non-empty of several phone columns', () => {
    const r = mapRow(['Ann', '', '415-555-0134'], m({ firstName: [0], phone: [1, 2] }), ctx);
    expect(r.ok && r.draft.phone).toBe('+14155550134');
  });

  it('applies a general marketing consent to both channels unless one has its own column', () => {
    const r = mapRow(['Ann', 'yes', 'no'], m({ firstName: [0], marketingConsent: [1], emailConsent: [2] }), ctx);
    expect(r.ok && [r.draft.smsConsent?.granted, r.draft.emailConsent?.granted]).toEqual([true, false]);
  });

  it('files a client known only by a family name under the first name', () => {
    const r = mapRow(['', 'Smith'], m({ firstName: [0], lastName: [1] }), ctx);
    expect(r.ok && [r.draft.firstName, r.draft.lastName]).toEqual(['Smith', '']);
  });
});

describe('presets', () => {
  it('recognises each product from its header row', () => {
    expect(
      detectPreset([
        'First Name',
        'Last Name',
        'Email Address',
        'Phone Number',
        'Birthday',
        'Memo',
        'Square Customer ID',
        'Email Subscription Status',
      ]).id,
    ).toBe('square');
    expect(
      detectPreset(['First Name', 'Last Name', 'Mobile Number', 'Email', 'Date of Birth', 'Accepts Marketing', 'Referral Source']).id,
    ).toBe('fresha');
    expect(detectPreset(['First Name', 'Last Name', 'Email', 'Cell Phone', 'Day Phone', 'Birthday', 'Customer Since']).id).toBe('vagaro');
    expect(detectPreset(['Client ID', 'First Name', 'Last Name', 'Email', 'Mobile Phone', 'Home Phone', 'Birth Date']).id).toBe('mindbody');
    expect(detectPreset(['姓名', '手机', '生日']).id).toBe('generic');
  });

  it('suggests a mapping from the preset, then from generic aliases (Chinese headers too)', () => {
    const square = [
      'Square Customer ID',
      'First Name',
      'Last Name',
      'Email Address',
      'Phone Number',
      'Birthday',
      'Email Subscription Status',
      'Gender',
    ];
    expect(suggestMapping(square, 'square').fields).toEqual({
      externalId: [0],
      firstName: [1],
      lastName: [2],
      email: [3],
      phone: [4],
      birthday: [5],
      emailConsent: [6],
      gender: [7],
    });
    expect(suggestMapping(['姓名', '手机号', '电子邮箱', '生日', '标签', '备注', '会员卡号'], 'generic').fields).toEqual({
      fullName: [0],
      phone: [1],
      email: [2],
      birthday: [3],
      tags: [4],
      notes: [5],
      externalId: [6],
    });
    expect(suggestMapping(['Client ID', 'First Name', 'Last Name', 'Mobile Phone', 'Home Phone'], 'mindbody').fields.phone).toEqual([3, 4]);
  });
});

describe('Orchid columns and custom fields', () => {
  const defs = [
    {
      id: 'f1',
      key: 'nail_shape',
      type: 'choice',
      required: false,
      labels: { en: 'Nail shape' },
      options: [{ value: 'almond', labels: { en: 'Almond' } }],
      sortOrder: 0,
      archived: false,
      version: 1,
    },
    {
      id: 'f2',
      key: 'visits',
      type: 'number',
      required: false,
      labels: { en: 'Visits' },
      options: [],
      sortOrder: 1,
      archived: false,
      version: 1,
    },
  ] as unknown as MapContext['customDefs'];

  it('reads month/day/year columns, lunar birthdays, home store and favourite technician', () => {
    const fields = {
      firstName: [0],
      birthMonth: [1],
      birthDay: [2],
      birthYear: [3],
      lunarBirthday: [4],
      homeStore: [5],
      favouriteTechnician: [6],
      phone: [7],
      pressure: [8],
      focusAreas: [9],
    };
    const r = mapRow(
      ['Li', '2', '30', '', 'yes', 'vancouver', 'amy@lotus.test', '604 555 0199', 'Extra firm', 'neck;shoulders'],
      m(fields),
      ctx,
    );
    expect(r.ok && r.draft).toMatchObject({
      birthday: { year: null, month: 2, day: 30, lunar: true },
      homeStoreId: 'store-van',
      favouriteStaffId: 'staff-amy',
      phone: '+16045550199',
      pressure: 'extra_firm',
      focusAreas: ['neck', 'shoulders'],
    });
    const bad = mapRow(['Li', '2', '30', '1990', 'no', 'nowhere', 'ghost@x.test'], m(fields), ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.map((i) => i.code)).toEqual(['invalid_birthday']);
      expect(bad.warnings.map((i) => i.code)).toEqual(['unknown_store', 'unknown_staff']);
    }
  });

  it('types and checks custom field cells with the clients module rules', () => {
    const ok = mapRow(['Li', 'almond', '12'], m({ firstName: [0] }, { nail_shape: 1, visits: 2 }), { ...ctx, customDefs: defs });
    expect(ok.ok && ok.draft.customFields).toEqual({ nail_shape: 'almond', visits: 12 });
    const bad = mapRow(['Li', 'square', 'lots'], m({ firstName: [0] }, { nail_shape: 1, visits: 2 }), { ...ctx, customDefs: defs });
    expect(!bad.ok && bad.issues.map((i) => [i.field, i.code])).toEqual([
      ['custom.nail_shape', 'invalid_custom_field'],
      ['custom.visits', 'invalid_custom_field'],
    ]);
  });

  it("detects Orchid's own export and maps every column and custom.<key> column", () => {
    const headers = [...CLIENT_CSV_COLUMNS, 'custom.nail_shape', 'custom.unknown'];
    expect(detectPreset(headers).id).toBe('orchid');
    const mapping = suggestMapping(headers, 'orchid', ['nail_shape']);
    expect(mapping.custom).toEqual({ nail_shape: CLIENT_CSV_COLUMNS.length });
    expect(mapping.fields.externalId).toEqual([0]);
    expect(mapping.fields.birthDay).toEqual([CLIENT_CSV_COLUMNS.indexOf('birth_day')]);
    expect(mapping.fields.birthday).toBeUndefined();
    const mapped = new Set(Object.values(mapping.fields).flat());
    expect(CLIENT_CSV_COLUMNS.filter((_, i) => !mapped.has(i))).toEqual(['created_at']);
  });
});
