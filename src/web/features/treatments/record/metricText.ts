import { labelIn } from '../labels.js';
import type { FieldDef, MetricValue } from '../types.js';

/** A stored value as words: the option's label, "3 / 5", "10.5 mm", "Yes". */
export function metricText(f: FieldDef | undefined, v: MetricValue, lang: string, yesNo: [string, string]): string {
  if (!f) return Array.isArray(v) ? v.join(', ') : String(v);
  switch (f.type) {
    case 'scale':
      return `${v} / ${f.max}`;
    case 'number':
      return f.unit ? `${v} ${f.unit}` : String(v);
    case 'choice':
      return labelIn(f.options.find((o) => o.value === v)?.label, lang) || String(v);
    case 'multi':
      return (Array.isArray(v) ? v : [String(v)]).map((x) => labelIn(f.options.find((o) => o.value === x)?.label, lang) || x).join(', ');
    case 'boolean':
      return v ? yesNo[0] : yesNo[1];
    default:
      return String(v);
  }
}
