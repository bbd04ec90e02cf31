import { describe, expect, it } from 'vitest';
import { chartFields, fieldDefs, PRESETS, validateMetrics } from './fields.js';

describe('treatment template fields', () => {
  it('every preset is a valid template with labels in three languages', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(fieldDefs.safeParse(preset.fields).success).toBe(true);
      for (const f of preset.fields) expect(f.label['zh-CN'] && f.label['zh-TW']).toBeTruthy();
    }
  });

  it('accepts a facial record and drops empty values', () => {
    const r = validateMetrics(PRESETS.facial.fields, {
      skinType: 'combination',
      hydration: 2,
      oiliness: 4,
      pores: null,
      concerns: ['acne', 'redness'],
    });
    expect(r).toEqual({ ok: true, metrics: { skinType: 'combination', hydration: 2, oiliness: 4, concerns: ['acne', 'redness'] } });
  });

  it('refuses out-of-range, wrong kinds and unknown keys, each with its path', () => {
    const r = validateMetrics(PRESETS.facial.fields, {
      skinType: 'greasy',
      hydration: 6,
      oiliness: 2.5,
      concerns: ['acne', 'acne'],
      mood: 'happy',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual([
      'metrics.concerns',
      'metrics.hydration',
      'metrics.mood',
      'metrics.oiliness',
      'metrics.skinType',
    ]);
  });

  it('numbers take at most two decimals within range; required fields must be there', () => {
    const fields = fieldDefs.parse([
      { key: 'length', label: { en: 'Length' }, type: 'number', min: 5, max: 18, unit: 'mm', required: true },
      { key: 'ok', label: { en: 'OK' }, type: 'boolean' },
    ]);
    expect(validateMetrics(fields, { length: 10.25, ok: true })).toEqual({ ok: true, metrics: { length: 10.25, ok: true } });
    expect(validateMetrics(fields, { length: 10.255 }).ok).toBe(false);
    expect(validateMetrics(fields, { ok: 'yes' })).toEqual({
      ok: false,
      errors: [
        { path: 'metrics.length', message: 'required' },
        { path: 'metrics.ok', message: 'true or false' },
      ],
    });
  });

  it('refuses a template with duplicate keys or an empty range', () => {
    const dup = fieldDefs.safeParse([
      { key: 'a', label: { en: 'A' }, type: 'boolean' },
      { key: 'a', label: { en: 'A' }, type: 'scale', min: 3, max: 3 },
    ]);
    expect(dup.success).toBe(false);
    expect(dup.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['1.key', '1.max']);
  });

  it('charts scale and number fields unless opted out', () => {
    expect(chartFields(PRESETS.facial.fields).map((f) => f.key)).toEqual(['hydration', 'oiliness', 'sensitivity', 'pores']);
    expect(chartFields(PRESETS.lashes.fields).map((f) => f.key)).toEqual(['retention']);
  });
});
