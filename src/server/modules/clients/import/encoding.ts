// Text encodings of uploaded client files: detection and decoding. Pure: bytes in, text out.
import iconv from 'iconv-lite';

/** Encodings a user may pick; detection proposes one of the first five. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252', 'big5'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type EncodingGuess = {
  encoding: Encoding;
  /** false when the bytes fit no encoding cleanly: the user should confirm or pick another. */
  confident: boolean;
  bom: boolean;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });
// Chinese text: Han characters, and the CJK punctuation and full-width forms written with them (a name list
// may hold no other non-ASCII than "、" or "，").
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e]/u;

function hasUtf16Bom(b: Uint8Array): Encoding | null {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM (some Excel "Unicode text" saves): most ASCII characters leave a NUL in every
 * other byte, on the odd positions for little-endian and the even ones for big-endian.
 */
function utf16WithoutBom(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length - (b.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Share of GBK double-byte characters whose second byte is 0x80 or above, as it is for all of GB2312 (everyday
 * simplified Chinese) and most other Chinese characters. Latin-1 text misread as GBK pairs an accented
 * letter with the ASCII letter after it ("Renée": 0xE9 0x65), which lands below 0x80.
 */
function highTrailShare(b: Uint8Array): number {
  let pairs = 0;
  let high = 0;
  for (let i = 0; i < b.length; i++) {
    const lead = b[i]!;
    if (lead < 0x81) continue;
    const trail = b[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte GB18030 sequence: neutral
      continue;
    }
    pairs++;
    if (trail >= 0x80) high++;
    i++;
  }
  return pairs === 0 ? 0 : high / pairs;
}

/**
 * Guesses the encoding: a BOM decides; valid UTF-8 wins; bytes that decode cleanly as GB18030 into Chinese
 * characters (not Latin-1 look-alikes) are GB18030 (a superset of GBK and GB2312); anything else is offered as
 * Windows-1252 (Excel's Western default) with `confident: false` so the user picks.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', confident: true, bom: true };
  const bom16 = hasUtf16Bom(bytes);
  if (bom16) return { encoding: bom16, confident: true, bom: true };
  const noBom16 = utf16WithoutBom(bytes);
  if (noBom16) return { encoding: noBom16, confident: true, bom: false };
  try {
    utf8.decode(bytes);
    return { encoding: 'utf-8', confident: true, bom: false };
  } catch {
    // not UTF-8: try the Chinese national encoding next
  }
  const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (!gb.includes('\ufffd') && CHINESE.test(gb) && highTrailShare(bytes) >= 0.5)
    return { encoding: 'gb18030', confident: true, bom: false };
  return { encoding: 'windows-1252', confident: false, bom: false };
}

/** Decodes with the given encoding, dropping a BOM. Undecodable bytes become U+FFFD (never throws). */
export function decode(bytes: Uint8Array, encoding: Encoding): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buf, encoding, { stripBOM: true });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Encodes text (for tests and fixtures), with a BOM where the encoding usually carries one. */
export function encode(text: string, encoding: Encoding, bom = encoding.startsWith('utf-16')): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

export type BinaryKind = 'zip' | 'xls' | 'pdf' | 'image' | 'binary';

/** Recognises files that are not text at all, so the user hears "this is an Excel workbook" not "bad row 1". */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  const sig = (...s: number[]) => s.every((v, i) => bytes[i] === v);
  if (sig(0x50, 0x4b, 0x03, 0x04) || sig(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (sig(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (sig(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (sig(0x89, 0x50, 0x4e, 0x47) || sig(0xff, 0xd8, 0xff) || sig(0x47, 0x49, 0x46, 0x38)) return 'image';
  return null;
}

/** True when decoded text holds control characters a CSV never has (NUL and friends): a binary file. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad > 0 && (bad / sample.length > 0.01 || sample.includes('\u0000'));
}
