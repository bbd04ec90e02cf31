import { describe, expect, it } from 'vitest';
import { newFieldForm, suggestKey, toCreateFieldBody, toFieldForm, toUpdateFieldBody, validateFieldForm } from './fieldForm.js';

describe('custom field definitions', () => {
  it('derives a key from the English label', () => {
    expect(suggestKey('Nail shape')).toBe('nail_shape');
    expect(suggestKey('  Préférence #2 ')).toBe('preference_2');
    expect(suggestKey('2nd phone')).toBe('nd_phone');
    expect(suggestKey('甲型')).toBe('');
  });

  it('needs a key, a label in one language, and options for choice fields', () => {
    const form = { ...newFieldForm(), type: 'choice' as const };
    expect(validateFieldForm(form, { isNew: true, takenKeys: [] })).toEqual({
      key: 'keyRequired',
      labels: 'labelRequired',
      options: 'optionsRequired',
    });
    const taken = { ...form, key: 'nail_shape', labels: { en: '', 'zh-CN': '甲型', 'zh-TW': '' } };
    expect(validateFieldForm(taken, { isNew: true, takenKeys: ['nail_shape'] }).key).toBe('keyTaken');
    const twice = {
      ...taken,
      options: [
        { uid: 'a', value: '', labels: { en: 'Almond', 'zh-CN': '', 'zh-TW': '' }, saved: false },
        { uid: 'b', value: 'almond', labels: { en: '', 'zh-CN': '杏仁', 'zh-TW': '' }, saved: false },
      ],
    };
    expect(validateFieldForm(twice, { isNew: false, takenKeys: [] })).toEqual({ options: 'optionsUnique' });
  });

  it('sends compact labels and option values', () => {
    const form = {
      ...newFieldForm(),
      key: 'nail_shape',
      type: 'choice' as const,
      labels: { en: 'Nail shape', 'zh-CN': '甲型', 'zh-TW': ' ' },
      options: [{ uid: 'a', value: '', labels: { en: 'Almond', 'zh-CN': '杏仁形', 'zh-TW': '' }, saved: false }],
    };
    expect(toCreateFieldBody(form)).toEqual({
      key: 'nail_shape',
      type: 'choice',
      required: false,
      labels: { en: 'Nail shape', 'zh-CN': '甲型' },
      options: [{ value: 'almond', labels: { en: 'Almond', 'zh-CN': '杏仁形' } }],
    });
    const def = { id: 'f', ...toCreateFieldBody(form), sortOrder: 0, archived: false, version: 2 };
    expect(toUpdateFieldBody(toFieldForm(def as never), 2)).toMatchObject({ version: 2, options: [{ value: 'almond' }] });
    expect(toCreateFieldBody({ ...form, type: 'text' }).options).toEqual([]);
  });
});
