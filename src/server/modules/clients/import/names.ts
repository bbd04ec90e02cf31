// Splitting a full name from one column into first and last name. Pure.

/** Western exports write the given name first; many Chinese ones write the family name first. */
export const NAME_ORDERS = ['given_first', 'family_first'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export type SplitName = { firstName: string; lastName: string };

// Two-character (compound) family names, Simplified and Traditional. Longest match wins, so 欧阳娜娜 is
// 欧阳 + 娜娜 rather than 欧 + 阳娜娜.
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 夏侯 轩辕 軒轅 令狐 ' +
    '钟离 鍾離 鐘離 端木 独孤 獨孤 南宫 南宮 西门 西門 百里 呼延 太史 申屠 澹台 澹臺 公冶 濮阳 濮陽 淳于 单于 單于 ' +
    '闻人 聞人 赫连 赫連 万俟 萬俟 司空 东郭 東郭 仲孙 仲孫 宗政 左丘 公羊 拓跋 第五 梁丘 谷梁 穀梁 巫马 巫馬 ' +
    '乐正 樂正 漆雕 段干 段幹 壤驷 壤駟 颛孙 顓孫 亓官 司寇 子车 子車 夹谷 夾谷 公西 公良 羊舌 微生 鲜于 鮮于 ' +
    '闾丘 閭丘 东门 東門 南门 南門 呼衍 欧 '
  )
    .split(/\s+/)
    .filter((s) => s.length === 2),
);

const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]+$/u;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

export const isHanName = (s: string): boolean => HAN_ONLY.test(s);
export const hasHan = (s: string): boolean => HAS_HAN.test(s);

/** 王小明 → 王 + 小明; 欧阳娜娜 → 欧阳 + 娜娜; 司马 alone stays a family name. */
export function splitHanName(name: string): SplitName {
  const chars = [...name];
  if (chars.length <= 1) return { firstName: '', lastName: name };
  const two = chars.slice(0, 2).join('');
  if (COMPOUND_SURNAMES.has(two) && chars.length >= 3) return { lastName: two, firstName: chars.slice(2).join('') };
  if (COMPOUND_SURNAMES.has(two) && chars.length === 2) return { lastName: two, firstName: '' };
  return { lastName: chars[0]!, firstName: chars.slice(1).join('') };
}

/**
 * Splits a full name sensibly:
 * - Chinese characters: family name first, compound family names recognised (王小明, 欧阳娜娜, "王 小明");
 *   a middle dot (阿依古丽·买买提) separates given name · family name;
 * - "Last, First" (one comma): the part before the comma is the family name;
 * - otherwise by spaces: first token = first name, the rest = last name ("Mary Ann Smith" → Mary /
 *   Ann Smith), or the reverse when the file writes the family name first ("Wang Xiaoming").
 */
export function splitFullName(raw: string, order: NameOrder = 'given_first'): SplitName {
  const full = raw.replace(/\s+/g, ' ').trim();
  if (!full) return { firstName: '', lastName: '' };
  const dot = full.split(/\s*[·・•]\s*/);
  if (dot.length === 2 && dot.every((p) => p && isHanName(p))) return { firstName: dot[0]!, lastName: dot[1]! };
  const compact = full.replace(/ /g, '');
  if (isHanName(compact)) {
    const tokens = full.split(' ');
    // "王 小明": the file already marks the family name.
    if (tokens.length === 2) return { lastName: tokens[0]!, firstName: tokens[1]! };
    return splitHanName(compact);
  }
  const comma = full.split(/\s*,\s*/);
  if (comma.length === 2 && comma[0] && comma[1]) return { lastName: comma[0], firstName: comma[1] };
  const tokens = full.split(' ');
  if (tokens.length === 1) return { firstName: full, lastName: '' };
  if (order === 'family_first') return { lastName: tokens[0]!, firstName: tokens.slice(1).join(' ') };
  return { firstName: tokens[0]!, lastName: tokens.slice(1).join(' ') };
}

/**
 * Resolves the name of a row from whichever columns are mapped. Separate first/last columns win as they
 * are (so an Orchid export round-trips exactly); a full-name column fills what they leave empty.
 */
export function resolveName(parts: { first?: string; last?: string; full?: string }, order: NameOrder): SplitName {
  const first = (parts.first ?? '').trim();
  const last = (parts.last ?? '').trim();
  if ((first && last) || !parts.full?.trim()) return { firstName: first, lastName: last };
  const split = splitFullName(parts.full, order);
  if (!first && !last) return split;
  return { firstName: first || split.firstName, lastName: last || split.lastName };
}
