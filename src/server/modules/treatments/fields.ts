// Structured treatment templates, pure: the field kinds HQ can define per service category, the starter
// presets (facial, massage, lashes), and server-side validation of a record's values against them, so that
// progress can be charted (scale and number fields become series on the timeline).
import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import type { Language } from '../../platform/i18n.js';

const label = z.strictObject({
  en: z.string().trim().min(1).max(80),
  'zh-CN': z.string().trim().max(80).optional(),
  'zh-TW': z.string().trim().max(80).optional(),
});
export type Label = z.infer<typeof label>;

const option = z.strictObject({ value: z.string().regex(/^[a-z0-9_.-]{1,40}$/), label });

const base = {
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'a key such as skinType'),
  label,
  required: z.boolean().optional(),
};

export const fieldDef = z.discriminatedUnion('type', [
  /** Whole steps between min and max (hydration 1–5); charted. */
  z.strictObject({
    ...base,
    type: z.literal('scale'),
    min: z.number().int().min(0).max(100),
    max: z.number().int().min(1).max(100),
    higherIsBetter: z.boolean().optional(),
    chart: z.boolean().optional(),
  }),
  /** A measurement with up to 2 decimals (lash length 10.5 mm); charted. */
  z.strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number().min(-1_000_000).max(1_000_000),
    max: z.number().min(-1_000_000).max(1_000_000),
    unit: z.string().trim().max(12).optional(),
    higherIsBetter: z.boolean().optional(),
    chart: z.boolean().optional(),
  }),
  z.strictObject({ ...base, type: z.literal('choice'), options: z.array(option).min(2).max(30) }),
  z.strictObject({ ...base, type: z.literal('multi'), options: z.array(option).min(1).max(40) }),
  z.strictObject({ ...base, type: z.literal('text'), maxLength: z.number().int().min(1).max(2_000).optional() }),
  z.strictObject({ ...base, type: z.literal('boolean') }),
]);
export type FieldDef = z.infer<typeof fieldDef>;

export const fieldDefs = z
  .array(fieldDef)
  .min(1)
  .max(40)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'the same key appears twice' });
      seen.add(f.key);
      if ((f.type === 'scale' || f.type === 'number') && f.min >= f.max)
        ctx.addIssue({ code: 'custom', path: [i, 'max'], message: 'max must be above min' });
      if ((f.type === 'choice' || f.type === 'multi') && new Set(f.options.map((o) => o.value)).size !== f.options.length)
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'the same option appears twice' });
    });
  });

export type MetricValue = string | number | boolean | string[];
export type Metrics = Record<string, MetricValue>;

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/**
 * Checks a record's values against the template: known keys only, each value of its field's kind and range,
 * required fields present. Returns the values to store (empty text and empty lists dropped) or the errors,
 * each with its path (`metrics.hydration`).
 */
export function validateMetrics(
  fields: readonly FieldDef[],
  values: Record<string, unknown>,
  path = 'metrics',
): { ok: true; metrics: Metrics } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: Metrics = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const k of Object.keys(values)) if (!byKey.has(k)) errors.push({ path: `${path}.${k}`, message: 'not a field of this template' });
  for (const f of fields) {
    const v = values[f.key];
    const at = `${path}.${f.key}`;
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) errors.push({ path: at, message: 'required' });
      continue;
    }
    switch (f.type) {
      case 'scale':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < f.min || v > f.max)
          errors.push({ path: at, message: `a whole number from ${f.min} to ${f.max}` });
        else out[f.key] = v;
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < f.min || v > f.max || !twoDecimals(v))
          errors.push({ path: at, message: `a number from ${f.min} to ${f.max}${f.unit ? ` ${f.unit}` : ''}, at most 2 decimals` });
        else out[f.key] = v;
        break;
      case 'choice':
        if (typeof v !== 'string' || !f.options.some((o) => o.value === v))
          errors.push({ path: at, message: `one of ${f.options.map((o) => o.value).join(', ')}` });
        else out[f.key] = v;
        break;
      case 'multi': {
        const allowed = new Set(f.options.map((o) => o.value));
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !allowed.has(x)) || new Set(v).size !== v.length)
          errors.push({ path: at, message: `a list of distinct values among ${[...allowed].join(', ')}` });
        else out[f.key] = v as string[];
        break;
      }
      case 'text': {
        const max = f.maxLength ?? 500;
        if (typeof v !== 'string' || v.trim().length > max) errors.push({ path: at, message: `text of at most ${max} characters` });
        else if (v.trim()) out[f.key] = v.trim();
        break;
      }
      case 'boolean':
        if (typeof v !== 'boolean') errors.push({ path: at, message: 'true or false' });
        else out[f.key] = v;
        break;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, metrics: out };
}

/** The fields that make a progress chart: scale and number fields not opted out. */
export const chartFields = (fields: readonly FieldDef[]) =>
  fields.filter(
    (f): f is Extract<FieldDef, { type: 'scale' | 'number' }> => (f.type === 'scale' || f.type === 'number') && f.chart !== false,
  );

export const labelIn = (l: Label, lang: Language): string => l[lang]?.trim() || l.en;

const L = (en: string, zhCN: string, zhTW: string): Label => ({ en, 'zh-CN': zhCN, 'zh-TW': zhTW });
const opts = (...list: Array<[string, string, string, string]>) => list.map(([value, en, cn, tw]) => ({ value, label: L(en, cn, tw) }));

const BODY_AREAS = opts(
  ['head', 'Head', '头部', '頭部'],
  ['neck', 'Neck', '颈部', '頸部'],
  ['shoulders', 'Shoulders', '肩部', '肩部'],
  ['upper_back', 'Upper back', '上背部', '上背部'],
  ['lower_back', 'Lower back', '下背部', '下背部'],
  ['arms', 'Arms', '手臂', '手臂'],
  ['hips', 'Hips', '臀部', '臀部'],
  ['legs', 'Legs', '腿部', '腿部'],
  ['feet', 'Feet', '足部', '足部'],
);

/** Starter templates HQ can adopt and edit: what a facialist, a massage therapist and a lash artist note. */
export const PRESETS: Record<'facial' | 'massage' | 'lashes', { name: Label; fields: FieldDef[] }> = {
  facial: {
    name: L('Facial record', '面部护理记录', '臉部護理紀錄'),
    fields: [
      {
        key: 'skinType',
        label: L('Skin type', '肤质', '膚質'),
        type: 'choice',
        options: opts(
          ['dry', 'Dry', '干性', '乾性'],
          ['oily', 'Oily', '油性', '油性'],
          ['combination', 'Combination', '混合性', '混合性'],
          ['normal', 'Normal', '中性', '中性'],
          ['sensitive', 'Sensitive', '敏感性', '敏感性'],
        ),
      },
      { key: 'hydration', label: L('Hydration', '水润度', '水潤度'), type: 'scale', min: 1, max: 5, higherIsBetter: true },
      { key: 'oiliness', label: L('Oiliness', '油脂分泌', '油脂分泌'), type: 'scale', min: 1, max: 5, higherIsBetter: false },
      { key: 'sensitivity', label: L('Sensitivity', '敏感程度', '敏感程度'), type: 'scale', min: 1, max: 5, higherIsBetter: false },
      { key: 'pores', label: L('Pores', '毛孔状况', '毛孔狀況'), type: 'scale', min: 1, max: 5, higherIsBetter: false },
      {
        key: 'concerns',
        label: L('Concerns', '肌肤问题', '肌膚問題'),
        type: 'multi',
        options: opts(
          ['acne', 'Acne', '痘痘', '痘痘'],
          ['pigmentation', 'Pigmentation', '色斑', '色斑'],
          ['fine_lines', 'Fine lines', '细纹', '細紋'],
          ['redness', 'Redness', '泛红', '泛紅'],
          ['dullness', 'Dullness', '暗沉', '暗沉'],
          ['blackheads', 'Blackheads', '黑头', '粉刺'],
        ),
      },
    ],
  },
  massage: {
    name: L('Massage record', '按摩记录', '按摩紀錄'),
    fields: [
      {
        key: 'pressure',
        label: L('Pressure', '按摩力度', '按摩力度'),
        type: 'choice',
        options: opts(
          ['light', 'Light', '轻', '輕'],
          ['medium', 'Medium', '中', '中'],
          ['firm', 'Firm', '重', '重'],
          ['deep', 'Deep', '深层', '深層'],
        ),
      },
      { key: 'focusAreas', label: L('Focus areas', '重点部位', '重點部位'), type: 'multi', options: BODY_AREAS },
      { key: 'tensionPoints', label: L('Tension points', '紧绷部位', '緊繃部位'), type: 'multi', options: BODY_AREAS },
      { key: 'tension', label: L('Overall tension', '整体紧绷度', '整體緊繃度'), type: 'scale', min: 1, max: 5, higherIsBetter: false },
      { key: 'oil', label: L('Oil used', '使用精油', '使用精油'), type: 'text', maxLength: 80 },
    ],
  },
  lashes: {
    name: L('Lash record', '睫毛记录', '睫毛紀錄'),
    fields: [
      {
        key: 'curl',
        label: L('Curl', '卷翘度', '捲翹度'),
        type: 'choice',
        options: opts(
          ['j', 'J', 'J', 'J'],
          ['b', 'B', 'B', 'B'],
          ['c', 'C', 'C', 'C'],
          ['cc', 'CC', 'CC', 'CC'],
          ['d', 'D', 'D', 'D'],
          ['l', 'L', 'L', 'L'],
        ),
      },
      { key: 'length', label: L('Length', '长度', '長度'), type: 'number', min: 5, max: 18, unit: 'mm', chart: false },
      {
        key: 'thickness',
        label: L('Thickness', '粗细', '粗細'),
        type: 'choice',
        options: opts(
          ['0.05', '0.05 mm', '0.05 毫米', '0.05 毫米'],
          ['0.07', '0.07 mm', '0.07 毫米', '0.07 毫米'],
          ['0.10', '0.10 mm', '0.10 毫米', '0.10 毫米'],
          ['0.15', '0.15 mm', '0.15 毫米', '0.15 毫米'],
        ),
      },
      {
        key: 'glue',
        label: L('Glue', '胶水', '膠水'),
        type: 'choice',
        options: opts(
          ['standard', 'Standard', '标准型', '標準型'],
          ['sensitive', 'Sensitive', '敏感肌专用', '敏感肌專用'],
          ['fast', 'Fast-drying', '速干型', '速乾型'],
        ),
      },
      {
        key: 'retention',
        label: L('Retention since last visit', '上次留存率', '上次留存率'),
        type: 'scale',
        min: 1,
        max: 5,
        higherIsBetter: true,
      },
    ],
  },
};
