// Saved column mappings for the client exports of other salon systems, and detection from the header row.
//
// The headers of Square Appointments, Fresha, Vagaro and Mindbody are BEST-EFFORT matches written from
// knowledge of those products' client exports (their column names change between versions and locales),
// not from a specification. Each field lists several aliases in order of preference, and every column a
// preset leaves unmapped is tried against the generic aliases (English and Chinese), so a renamed column
// still lands; the user confirms or corrects the mapping before anything is written.
import type { DateFormat } from './fields.js';
import { FIELDS, type FieldKey, headerKey, type Mapping } from './mapping.js';
import type { NameOrder } from './names.js';
import { customKeyOfHeader, ORCHID_COLUMNS } from './orchid-columns.js';

export const PRESET_IDS = ['orchid', 'square', 'fresha', 'vagaro', 'mindbody', 'generic'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export type Preset = {
  id: PresetId;
  name: string;
  /** Headers only this product writes; each one present weighs heavily in detection. */
  signature: string[];
  /** Field → header aliases in order of preference (several columns may feed one field, first non-empty wins). */
  fields: Partial<Record<FieldKey, string[]>>;
  dateFormat: DateFormat;
  nameOrder: NameOrder;
  /** Characters that separate tags in the tags column. */
  tagSeparators: string;
};

/** What any file might call a field, in English and Chinese (Simplified and Traditional). */
export const GENERIC_ALIASES: Record<FieldKey, string[]> = {
  externalId: [
    'External ID',
    'Client ID',
    'Customer ID',
    'Member ID',
    'ID',
    '会员号',
    '会员编号',
    '会员卡号',
    '卡号',
    '會員編號',
    '會員卡號',
    '客户编号',
    '客戶編號',
  ],
  firstName: ['First Name', 'Given Name', 'Firstname', 'First', 'Forename', '名', '名字'],
  lastName: ['Last Name', 'Surname', 'Family Name', 'Lastname', 'Last', '姓', '姓氏'],
  fullName: [
    'Name',
    'Full Name',
    'Client Name',
    'Customer Name',
    'Client',
    'Customer',
    '姓名',
    '客户姓名',
    '客戶姓名',
    '顾客姓名',
    '顧客姓名',
    '会员姓名',
    '會員姓名',
  ],
  preferredName: ['Preferred Name', 'Nickname', 'English Name', 'Known As', '昵称', '暱稱', '英文名', '称呼', '稱呼'],
  phone: [
    'Mobile',
    'Mobile Phone',
    'Mobile Number',
    'Cell',
    'Cell Phone',
    'Phone',
    'Phone Number',
    'Telephone',
    'Home Phone',
    'Work Phone',
    '手机',
    '手机号',
    '手机号码',
    '手機',
    '手機號碼',
    '电话',
    '電話',
    '联系电话',
    '聯絡電話',
  ],
  email: ['Email', 'Email Address', 'E-mail', 'Mail', '邮箱', '电子邮箱', '电子邮件', '郵箱', '電子郵件', '電郵'],
  birthday: ['Birthday', 'Birth Date', 'Date of Birth', 'DOB', 'Birthdate', '生日', '出生日期', '出生年月日'],
  birthMonth: ['Birth Month', 'Birthday Month', 'Month of Birth', '出生月份', '生日月份'],
  // Not "Birth Day": it reads the same as "Birthday" once spaces are dropped.
  birthDay: ['Day of Birth', 'Birthday Day', '出生日', '生日日期'],
  birthYear: ['Birth Year', 'Year of Birth', '出生年份'],
  lunarBirthday: ['Lunar Birthday', 'Lunar', '农历生日', '農曆生日', '阴历生日', '陰曆生日'],
  gender: ['Gender', 'Sex', '性别', '性別'],
  language: ['Language', 'Preferred Language', '语言', '語言'],
  source: ['Source', 'Client Source', 'Customer Source', 'Lead Source', 'How did you hear about us', '来源', '來源', '渠道'],
  referrer: ['Referrer', 'Referred By', 'Referral', '推荐人', '推薦人', '介绍人', '介紹人'],
  homeStore: ['Home Store', 'Home Location', 'Store', 'Location', 'Branch', '门店', '門市', '分店', '所属门店', '所屬門市'],
  tags: ['Tags', 'Tag', 'Labels', 'Groups', 'Customer Groups', '标签', '標籤', '分组', '分組'],
  notes: ['Notes', 'Note', 'Memo', 'Comments', 'Remarks', 'Client Notes', '备注', '備註', '备忘', '備忘'],
  smsConsent: [
    'SMS Consent',
    'SMS Marketing',
    'SMS Opt In',
    'Text Opt In',
    'Accepts SMS Marketing',
    'Text Marketing',
    '短信营销',
    '短信營銷',
    '簡訊行銷',
    '接收短信',
  ],
  smsConsentDate: ['SMS Consent Date', 'SMS Opt In Date', 'Text Opt In Date'],
  smsConsentWording: ['SMS Consent Wording'],
  emailConsent: [
    'Email Consent',
    'Email Marketing',
    'Email Opt In',
    'Accepts Email Marketing',
    'Email Subscription Status',
    '邮件营销',
    '郵件行銷',
    '接收邮件',
    '接收郵件',
  ],
  emailConsentDate: ['Email Consent Date', 'Email Opt In Date'],
  emailConsentWording: ['Email Consent Wording'],
  marketingConsent: [
    'Accepts Marketing',
    'Marketing Consent',
    'Marketing Opt In',
    'Marketing',
    '营销同意',
    '行銷同意',
    '接受营销',
    '接受行銷',
  ],
  marketingConsentDate: ['Marketing Consent Date', 'Marketing Opt In Date'],
  favouriteTechnician: [
    'Favourite Technician',
    'Favorite Technician',
    'Preferred Technician',
    'Preferred Staff',
    'Favorite Staff',
    '指定技师',
    '常用技师',
    '指定技師',
    '常用技師',
  ],
  pressure: ['Pressure', 'Massage Pressure', '按摩力度', '力度'],
  focusAreas: ['Focus Areas', 'Focus Area', '重点部位', '重點部位'],
  // Only an explicit reminder column: an "Allergies" column is health data, which never lands in plain text.
  allergyReminder: ['Allergy Reminder'],
};

export const PRESETS: Record<PresetId, Preset> = {
  orchid: {
    id: 'orchid',
    name: 'Orchid',
    signature: ORCHID_COLUMNS.map((c) => c.header),
    fields: Object.fromEntries(ORCHID_COLUMNS.filter((c) => c.field).map((c) => [c.field, [c.header]])),
    dateFormat: 'YMD',
    nameOrder: 'given_first',
    tagSeparators: ';',
  },
  square: {
    id: 'square',
    name: 'Square Appointments',
    signature: [
      'Square Customer ID',
      'Reference ID',
      'Email Subscription Status',
      'Creation Source',
      'Instant Profile',
      'Street Address 1',
    ],
    fields: {
      externalId: ['Square Customer ID', 'Reference ID'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      preferredName: ['Nickname'],
      phone: ['Phone Number', 'Phone'],
      email: ['Email Address', 'Email'],
      birthday: ['Birthday'],
      notes: ['Memo', 'Notes'],
      tags: ['Groups', 'Customer Groups'],
      emailConsent: ['Email Subscription Status'],
    },
    dateFormat: 'MDY',
    nameOrder: 'given_first',
    tagSeparators: ',;|',
  },
  fresha: {
    id: 'fresha',
    name: 'Fresha',
    signature: [
      'Mobile Number',
      'Accepts Marketing',
      'Accepts SMS Marketing',
      'Accepts Email Marketing',
      'Referral Source',
      'Block Reason',
      'Blocked',
    ],
    fields: {
      externalId: ['Client ID', 'Client Id'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      fullName: ['Full Name', 'Client Name'],
      phone: ['Mobile Number', 'Mobile', 'Telephone'],
      email: ['Email'],
      birthday: ['Date of Birth', 'Birthday'],
      gender: ['Gender'],
      language: ['Preferred Language', 'Language'],
      source: ['Referral Source', 'Client Source'],
      notes: ['Note', 'Notes', 'Client Notes'],
      marketingConsent: ['Accepts Marketing', 'Accepts Marketing Notifications'],
      smsConsent: ['Accepts SMS Marketing', 'SMS Marketing'],
      emailConsent: ['Accepts Email Marketing', 'Email Marketing'],
    },
    dateFormat: 'MDY',
    nameOrder: 'given_first',
    tagSeparators: ',;|',
  },
  vagaro: {
    id: 'vagaro',
    name: 'Vagaro',
    signature: ['Cell Phone', 'Day Phone', 'Night Phone', 'Customer Since', 'Text Promotions', 'Email Promotions'],
    fields: {
      externalId: ['Customer ID', 'Customer Id'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      phone: ['Cell Phone', 'Mobile Phone', 'Day Phone', 'Night Phone'],
      email: ['Email', 'Email Address'],
      birthday: ['Birthday', 'Date of Birth'],
      gender: ['Gender'],
      referrer: ['Referred By'],
      source: ['Customer Source', 'How did you hear about us'],
      homeStore: ['Home Store', 'Home Location', 'Store', 'Location', 'Branch', '门店', '門市', '分店', '所属门店', '所屬門市'],
      tags: ['Tags', 'Customer Tags', 'Customer Type'],
      notes: ['Notes', 'Customer Notes'],
      smsConsent: ['Text Promotions', 'Text Marketing', 'SMS Marketing'],
      emailConsent: ['Email Promotions', 'Email Marketing'],
    },
    dateFormat: 'MDY',
    nameOrder: 'given_first',
    tagSeparators: ',;|',
  },
  mindbody: {
    id: 'mindbody',
    name: 'Mindbody',
    signature: [
      'Mobile Phone',
      'Home Phone',
      'Work Phone',
      'Birth Date',
      'Send Promotional Emails',
      'Send Promotional Texts',
      'Creation Date',
    ],
    fields: {
      externalId: ['Client ID', 'ID', 'Unique ID'],
      firstName: ['First Name'],
      lastName: ['Last Name'],
      preferredName: ['Nickname', 'Preferred Name'],
      phone: ['Mobile Phone', 'Home Phone', 'Work Phone'],
      email: ['Email', 'Email Address'],
      birthday: ['Birth Date', 'Birthday', 'Date of Birth'],
      gender: ['Gender'],
      referrer: ['Referred By'],
      notes: ['Notes', 'Client Notes'],
      tags: ['Client Indexes', 'Tags'],
      smsConsent: ['Send Promotional Texts', 'Promotional Texts', 'Text Opt In'],
      emailConsent: ['Send Promotional Emails', 'Promotional Emails', 'Email Opt In'],
    },
    dateFormat: 'MDY',
    nameOrder: 'given_first',
    tagSeparators: ',;|',
  },
  generic: {
    id: 'generic',
    name: 'Other / custom',
    signature: [],
    fields: {},
    dateFormat: 'MDY',
    nameOrder: 'given_first',
    tagSeparators: ',;|',
  },
};

/**
 * Picks the preset whose headers the file carries: Orchid's own template when every one of its columns is
 * there; otherwise the product with the most signature headers (3 points each) and field aliases (1 point
 * each), needing at least one signature header. Falls back to `generic`.
 */
export function detectPreset(headers: readonly string[]): { id: PresetId; score: number } {
  const keys = new Set(headers.map(headerKey));
  const has = (h: string) => keys.has(headerKey(h));
  // Orchid's own export: its key columns and nearly all others (an older export may lack newer columns).
  const orchid = PRESETS.orchid.signature.filter(has).length;
  if (has('client_id') && has('first_name') && orchid >= PRESETS.orchid.signature.length * 0.8) return { id: 'orchid', score: orchid * 3 };
  let best: { id: PresetId; score: number } = { id: 'generic', score: 0 };
  for (const id of ['square', 'fresha', 'vagaro', 'mindbody'] as const) {
    const p = PRESETS[id];
    const signature = p.signature.filter(has).length;
    if (signature === 0) continue;
    const aliases = new Set(Object.values(p.fields).flat().filter(has).map(headerKey)).size;
    const score = signature * 3 + aliases;
    if (score > best.score) best = { id, score };
  }
  return best;
}

/**
 * Suggests a column mapping: the preset's aliases first (in their order of preference), then the generic
 * aliases for fields and columns still free. A column feeds at most one field. `custom.<key>` columns
 * (Orchid's export) feed the custom field of that key when it exists.
 */
export function suggestMapping(headers: readonly string[], presetId: PresetId, customKeys: readonly string[] = []): Mapping {
  const index = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k) index.set(k, [...(index.get(k) ?? []), i]);
  });
  const used = new Set<number>();
  const map: Mapping['fields'] = {};
  const custom: Mapping['custom'] = {};
  headers.forEach((h, i) => {
    const key = customKeyOfHeader(h);
    if (key && customKeys.includes(key) && custom[key] === undefined) {
      custom[key] = i;
      used.add(i);
    }
  });
  const assign = (field: FieldKey, aliases: readonly string[]) => {
    const cols: number[] = [];
    for (const a of aliases) for (const i of index.get(headerKey(a)) ?? []) if (!used.has(i) && !cols.includes(i)) cols.push(i);
    if (cols.length === 0) return;
    for (const c of cols) used.add(c);
    map[field] = [...(map[field] ?? []), ...cols];
  };
  const preset = PRESETS[presetId];
  for (const field of FIELDS) assign(field, preset.fields[field] ?? []);
  if (presetId !== 'orchid') for (const field of FIELDS) if (!map[field]) assign(field, GENERIC_ALIASES[field]);
  return { fields: map, custom };
}
