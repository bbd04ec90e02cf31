// The three languages Orchid speaks everywhere, and how a request picks one.
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A user-visible text in every language; the compiler refuses a missing one. */
export type Messages = Record<Language, string>;

export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

/** Maps one BCP 47 tag to our languages: Traditional for Hant/TW/HK/MO, Simplified for other zh. */
function matchTag(tag: string): Language | undefined {
  const t = tag.trim().toLowerCase();
  if (t === '*' || t === '') return undefined;
  if (t.startsWith('zh')) {
    if (/hant|-tw|-hk|-mo/.test(t)) return 'zh-TW';
    return 'zh-CN';
  }
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/** Picks the best language from an Accept-Language header by q-value; English when nothing matches. */
export function negotiateLanguage(header: string | undefined, fallback: Language = 'en'): Language {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    const lang = matchTag(r.tag);
    if (lang) return lang;
  }
  return fallback;
}
