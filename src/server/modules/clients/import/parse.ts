// Reading an uploaded client file into a table of strings: encoding, delimiter, quoted newlines.
// Pure: bytes and choices in, rows out (or an import_unreadable error with a reason).
import { CsvError, parse } from 'csv-parse/sync';
import { decode, detectEncoding, type Encoding, looksBinary, sniffBinary } from './encoding.js';
import { unreadable } from './errors.js';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const MAX_COLUMNS = 200;

/**
 * Sniffs the delimiter from the first records (quotes respected, records split on the line ending the file
 * uses, as csv-parse does: in a CRLF file a lone LF is text): the candidate that splits the most records
 * into the same number of columns wins; ties go to comma, then semicolon, then tab.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const counts: Record<Delimiter, number[]> = { ',': [], ';': [], '\t': [] };
  let current: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let records = 0;
  let eol: '\r\n' | '\n' | '\r' | null = null;
  const endRecord = () => {
    for (const d of DELIMITERS) counts[d].push(current[d]);
    current = { ',': 0, ';': 0, '\t': 0 };
    records++;
  };
  for (let i = 0; i < sample.length && records < 50; i++) {
    const ch = sample[i]!;
    if (ch === '"') {
      quoted = !quoted; // a doubled quote toggles twice: no net change
      continue;
    }
    if (quoted) continue;
    if (ch === ',' || ch === ';' || ch === '\t') current[ch]++;
    else if (ch === '\r' || ch === '\n') {
      const seq = ch === '\r' && sample[i + 1] === '\n' ? '\r\n' : ch;
      eol ??= seq;
      if (seq !== eol) continue;
      if (seq === '\r\n') i++;
      endRecord();
    }
  }
  if (records < 50 && !quoted) endRecord();
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const score = consistency(counts[d]);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** How many records share the most common non-zero count, weighted slightly by that count. */
function consistency(perRecord: number[]): number {
  const freq = new Map<number, number>();
  for (const c of perRecord) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
  let score = 0;
  for (const [count, times] of freq) score = Math.max(score, times * 1000 + Math.min(count, 999));
  return score;
}

export type Table = { headers: string[]; rows: string[][] };

/** Parses decoded text with csv-parse: quoted fields may hold delimiters, quotes ("") and newlines. */
export function parseTable(text: string, delimiter: Delimiter): Table {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (err) {
    if (err instanceof CsvError) throw unreadable('malformed', { line: (err as CsvError & { lines?: number }).lines ?? 0 });
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) throw unreadable('empty');
  const headers = header.map((h) => h.trim());
  if (headers.length > MAX_COLUMNS) throw unreadable('too_many_columns');
  if (rows.length === 0) throw unreadable('no_rows');
  return { headers, rows };
}

export type ReadOptions = { encoding?: Encoding | undefined; delimiter?: Delimiter | undefined };

export type ReadFile = Table & {
  encoding: Encoding;
  detectedEncoding: Encoding;
  encodingConfident: boolean;
  delimiter: Delimiter;
};

/**
 * Bytes → table. Refuses with import_unreadable (and a reason) what is empty, binary (Excel workbooks,
 * PDFs, images), an HTML page saved as .csv, or not parseable as delimited text.
 */
export function readFile(bytes: Uint8Array, opts: ReadOptions = {}): ReadFile {
  if (bytes.length === 0) throw unreadable('empty');
  const kind = sniffBinary(bytes);
  if (kind === 'zip' || kind === 'xls') throw unreadable('spreadsheet');
  if (kind) throw unreadable('binary');
  const guess = detectEncoding(bytes);
  const encoding = opts.encoding ?? guess.encoding;
  const text = decode(bytes, encoding);
  if (text.trim().length === 0) throw unreadable('empty');
  if (looksBinary(text)) throw unreadable('binary');
  if (/^\s*<(!doctype html|html|table)[\s>]/i.test(text)) throw unreadable('html');
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  const table = parseTable(text, delimiter);
  return { ...table, encoding, detectedEncoding: guess.encoding, encodingConfident: opts.encoding ? true : guess.confident, delimiter };
}
