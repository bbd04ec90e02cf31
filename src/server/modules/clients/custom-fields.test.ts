import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { type CustomFieldDef, customFieldCreate, validateCustomValues } from './custom-fields.js';

const def = (key: string, type: CustomFieldDef['type'], extra: Partial<CustomFieldDef> = {}): CustomFieldDef => ({
  id: key,
  key,
  type,
  required: false,
  labels: { en: key },
  options: type === 'choice' || type === 'multi_choice' ? [{ value: 'a' }, { value: 'b' }] : [],
  sortOrder: 0,
  archived: false,
  version: 1,
  ...extra,
});
const defs = [
  def('note', 'text'),
  def('kids', 'number'),
  def('hair', 'choice'),
  def('likes', 'multi_choice'),
  def('since', 'date'),
  def('vip', 'yes_no'),
  def('code', 'text', { required: true }),
];

function pathsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    return (err as AppError).errors.map((e) => e.path);
  }
  return [];
}

describe('custom field values', () => {
  it('accepts well-typed values', () => {
    const r = validateCustomValues(
      defs,
      { note: ' hi ', kids: 2, hair: 'a', likes: ['a', 'b', 'a'], since: '2024-02-29', vip: true, code: 'x' },
      { create: true },
    );
    expect(Object.fromEntries(r.set)).toEqual({
      note: 'hi',
      kids: 2,
      hair: 'a',
      likes: ['a', 'b'],
      since: '2024-02-29',
      vip: true,
      code: 'x',
    });
  });

  it('names every wrong value by its path', () => {
    const paths = pathsOf(() =>
      validateCustomValues(
        defs,
        { note: 3, kids: '2', hair: 'c', likes: 'a', since: '2023-02-29', vip: 'yes', code: 'x', nope: 1 },
        { create: true },
      ),
    );
    expect(paths.sort()).toEqual([
      'customFields.hair',
      'customFields.kids',
      'customFields.likes',
      'customFields.nope',
      'customFields.note',
      'customFields.since',
      'customFields.vip',
    ]);
  });

  it('requires required fields on create, refuses clearing them on update, lets other edits pass', () => {
    expect(pathsOf(() => validateCustomValues(defs, {}, { create: true }))).toEqual(['customFields.code']);
    expect(pathsOf(() => validateCustomValues(defs, { code: null }, { create: false, current: { code: 'x' } }))).toEqual([
      'customFields.code',
    ]);
    expect(validateCustomValues(defs, { note: null }, { create: false, current: {} }).clear).toEqual(['note']);
  });

  it('validates definitions: choice fields need unique options', () => {
    expect(customFieldCreate.safeParse({ key: 'hair', type: 'choice', labels: { en: 'Hair' } }).success).toBe(false);
    expect(
      customFieldCreate.safeParse({ key: 'hair', type: 'choice', labels: { en: 'Hair' }, options: [{ value: 'a' }, { value: 'a' }] })
        .success,
    ).toBe(false);
    expect(customFieldCreate.safeParse({ key: 'Hair!', type: 'text', labels: { en: 'Hair' } }).success).toBe(false);
    expect(customFieldCreate.safeParse({ key: 'hair', type: 'text', labels: {} }).success).toBe(false);
    expect(customFieldCreate.safeParse({ key: 'hair', type: 'text', labels: { 'zh-CN': '发质' } }).success).toBe(true);
  });
});
