// How a client's name reads, everywhere: server replies, receipts, statements and every screen of the web
// app (both import this file, so they cannot disagree). Pure: no imports, no I/O.
//
// The rule (a card has a given name `firstName`, a family name `lastName` and an optional `preferredName`):
// - A Chinese name — family and given name in Han characters — is the family name then the given name with
//   no space: 王 + 小明 → 王小明, 歐陽 + 娜娜 → 歐陽娜娜. A preferred (English) name does not replace it:
//   staff and the client know the card by its Chinese name; screens may show "Mandy" beside it.
// - Any other name is "Given Family", and a preferred name written in Latin script stands in for the given
//   name: Ying + Wang, preferred Amy → "Amy Wang"; Xiaoming + Wang → "Xiaoming Wang" (a romanised name
//   reads in the order it was entered in, given name first, as on North American cards). A preferred name
//   in Han characters on a Latin card is left out rather than mixed in ("小明 Wang").
// - A missing part is left out (王 → 王; Jane → Jane). Nothing at all → ''.

export type ClientNameParts = {
  firstName: string;
  lastName?: string | null | undefined;
  preferredName?: string | null | undefined;
};

const HAN = /^[\p{Script=Han}〇]+$/u;
const HAS_HAN = /\p{Script=Han}/u;

/** Only Han characters (no spaces, no Latin): 王, 小明, 歐陽. */
export function isHanName(text: string): boolean {
  return HAN.test(text);
}

/** The client's name as people read it: 王小明, 歐陽娜娜, Amy Wang, Xiaoming Wang. */
export function clientDisplayName(c: ClientNameParts): string {
  const given = c.firstName.trim();
  const family = (c.lastName ?? '').trim();
  if ((!given || isHanName(given)) && (!family || isHanName(family))) return `${family}${given}`;
  const preferred = (c.preferredName ?? '').trim();
  const shownGiven = preferred && !HAS_HAN.test(preferred) ? preferred : given;
  // "Amy Wang" typed as the preferred name of Ying Wang: not "Amy Wang Wang".
  if (family && shownGiven.endsWith(` ${family}`)) return shownGiven;
  return [shownGiven, family].filter(Boolean).join(' ');
}
