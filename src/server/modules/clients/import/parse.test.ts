import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { decode, detectEncoding, encode } from './encoding.js';
import { parseTable, readFile, sniffDelimiter } from './parse.js';

const SAMPLE = 'First Name,Last Name,Phone\n小明,王,(415) 555-0134\nRenée,Dubois,415.555.0135\n';

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return `${err.code}:${err.extra.reason as string}`;
    throw err;
  }
  return undefined;
}

describe('encoding detection', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(SAMPLE, 'utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(detectEncoding(plain)).toEqual({ encoding: 'utf-8', confident: true, bom: false });
    expect(detectEncoding(bom)).toEqual({ encoding: 'utf-8', confident: true, bom: true });
    expect(readFile(bom).headers[0]).toBe('First Name');
    expect(readFile(bom).rows[0]).toEqual(['小明', '王', '(415) 555-0134']);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const bytes = encode(SAMPLE, enc, true);
      expect(detectEncoding(bytes).encoding).toBe(enc);
      expect(readFile(bytes).rows[1]).toEqual(['Renée', 'Dubois', '415.555.0135']);
    }
    const noBom = encode(SAMPLE, 'utf-16le', false);
    expect(detectEncoding(noBom)).toMatchObject({ encoding: 'utf-16le', bom: false });
  });

  it('detects GB18030/GBK files from Chinese software', () => {
    const gbk = encode('姓名,手机,备注\n王小明,13800138000,欧阳娜娜介绍\n李华,4155550134,喜欢热石按摩\n', 'gb18030');
    expect(detectEncoding(gbk)).toEqual({ encoding: 'gb18030', confident: true, bom: false });
    expect(readFile(gbk).rows[1]).toEqual(['李华', '4155550134', '喜欢热石按摩']);
    // Chinese punctuation alone is Chinese text too (found by the round-trip property: "、" = A1 A2).
    const punctuation = encode('Column 1,Column 2\n"、",""\n"a，b",x\n', 'gb18030');
    expect(detectEncoding(punctuation)).toEqual({ encoding: 'gb18030', confident: true, bom: false });
    expect(readFile(punctuation).rows).toEqual([
      ['、', ''],
      ['a，b', 'x'],
    ]);
  });

  it('offers Windows-1252 without confidence for Latin-1 bytes, and lets the user override', () => {
    const latin = Buffer.from('Name,City\nRenée Dubois,Montréal\nZoë,Québec\n', 'latin1');
    expect(detectEncoding(latin)).toEqual({ encoding: 'windows-1252', confident: false, bom: false });
    expect(readFile(latin).rows[0]).toEqual(['Renée Dubois', 'Montréal']);
    expect(readFile(latin, { encoding: 'windows-1252' }).encodingConfident).toBe(true);
  });

  it('decodes Big5 when the user picks it', () => {
    const big5 = encode('姓名,電話\n陳大文,6045550199\n', 'big5');
    expect(readFile(big5, { encoding: 'big5' }).rows[0]).toEqual(['陳大文', '6045550199']);
    expect(decode(encode('繁體', 'big5'), 'big5')).toBe('繁體');
  });
});

describe('delimiters and quoting', () => {
  it('sniffs comma, semicolon and tab', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('Name;Phone;Notes\nWang, Xiaoming;415;"a;b"\nLee;416;x\n')).toBe(';');
    expect(sniffDelimiter('Name\tPhone\nA, B\t1\nC\t2\n')).toBe('\t');
    expect(sniffDelimiter('Phone\n4155550134\n')).toBe(',');
  });

  it('keeps quoted newlines, delimiters and doubled quotes inside one field', () => {
    const text = 'Name,Notes\r\n"Wang, Xiaoming","Line 1\nLine 2 ""quoted"", with comma"\r\nLee,plain\r\n';
    const t = parseTable(text, ',');
    expect(t.rows).toEqual([
      ['Wang, Xiaoming', 'Line 1\nLine 2 "quoted", with comma'],
      ['Lee', 'plain'],
    ]);
  });

  it('reads a lone LF inside an unquoted cell of a CRLF file as text, like csv-parse', () => {
    const text = 'a,b,c\r\nx,line one\nline two,z\r\nq\tr,s,t\r\n';
    expect(sniffDelimiter(text)).toBe(',');
    expect(readFile(Buffer.from(text)).rows).toEqual([
      ['x', 'line one\nline two', 'z'],
      ['q\tr', 's', 't'],
    ]);
  });

  it('tolerates ragged rows and skips blank lines', () => {
    const t = parseTable('a,b,c\n1,2\n\n,,\n4,5,6,7\n', ',');
    expect(t.rows).toEqual([
      ['1', '2'],
      ['4', '5', '6', '7'],
    ]);
  });
});

describe('unreadable files', () => {
  it('refuses empty, header-only, binary, Excel, HTML and broken files with a reason', () => {
    expect(reason(() => readFile(Buffer.alloc(0)))).toBe('import_unreadable:empty');
    expect(reason(() => readFile(Buffer.from('\r\n \n')))).toBe('import_unreadable:empty');
    expect(reason(() => readFile(Buffer.from('First Name,Last Name\n')))).toBe('import_unreadable:no_rows');
    expect(reason(() => readFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('import_unreadable:spreadsheet');
    expect(reason(() => readFile(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])))).toBe('import_unreadable:binary');
    const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256));
    expect(reason(() => readFile(random))).toBe('import_unreadable:binary');
    expect(reason(() => readFile(Buffer.from('<!DOCTYPE html><html><table></table></html>')))).toBe('import_unreadable:html');
    expect(reason(() => readFile(Buffer.from('a,b\n"never closed,2\n')))).toBe('import_unreadable:malformed');
  });

  it('translates the reason into the detail in every language', () => {
    try {
      readFile(Buffer.alloc(0));
    } catch (err) {
      const e = err as AppError;
      expect(e.status).toBe(422);
      expect(e.params.reason_en).toBe('The file is empty.');
      expect(e.params.reason_zh_CN).toBe('文件是空的。');
      expect(e.params.reason_zh_TW).toBe('檔案是空的。');
    }
  });
});
