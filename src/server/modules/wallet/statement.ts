// A client's stored-value statement: one row per posting to her wallet book, newest first, with what it
// did to principal and bonus and the balances it left (running balance). Pages by the book's sequence;
// the same rows export as CSV and print as a plain HTML page.
import { stringify } from 'csv-stringify/sync';
import type { Executor } from '../../db/tx.js';
import type { Language } from '../../platform/i18n.js';
import { type Currency, formatMoney } from '../../platform/money.js';
import { encodeCursor } from '../../platform/pagination.js';
import { toZonedIso } from '../../platform/zoned-time.js';
import { bookEntries, type LedgerEntry } from '../ledgers/index.js';
import { bookOf, findWallet, type Wallet } from './repo.js';

export type StatementRow = {
  seq: number;
  at: string;
  kind: string;
  principal: number;
  bonus: number;
  amount: number;
  principalAfter: number;
  bonusAfter: number;
  balanceAfter: number;
  storeId: string | null;
  refType: string | null;
  refId: string | null;
  reason: string | null;
  actorId: string | null;
};

function toRows(wallet: Wallet, entries: LedgerEntry[]): StatementRow[] {
  const groups = new Map<number, LedgerEntry[]>();
  for (const e of entries) {
    const seq = e.book_seq ?? 0;
    const list = groups.get(seq) ?? [];
    list.push(e);
    groups.set(seq, list);
  }
  return [...groups.entries()].map(([seq, list]) => {
    const p = list.find((e) => e.account_id === wallet.principal.id);
    const b = list.find((e) => e.account_id === wallet.bonus.id);
    const first = (p ?? b)!;
    const total = first.book_balance_after ?? 0;
    const principalAfter = p ? p.balance_after : total - (b?.balance_after ?? 0);
    const bonusAfter = b ? b.balance_after : total - principalAfter;
    const principal = p?.amount ?? 0;
    const bonus = b?.amount ?? 0;
    // The row's kind: the principal's when both moved (top_up beside top_up_bonus), else the one that moved.
    return {
      seq,
      at: new Date(first.created_at).toISOString(),
      kind: first.kind,
      principal,
      bonus,
      amount: principal + bonus,
      principalAfter,
      bonusAfter,
      balanceAfter: total,
      storeId: first.store_id,
      refType: first.ref_type,
      refId: first.ref_id,
      reason: first.reason,
      actorId: first.actor_id,
    };
  });
}

/** One page of the statement, newest first. */
export async function walletStatement(db: Executor, clientId: string, limit: number, beforeSeq?: number) {
  const wallet = await findWallet(db, clientId);
  if (!wallet) return { balance: { principal: 0, bonus: 0, total: 0 }, data: [] as StatementRow[], nextCursor: null as string | null };
  const entries = await bookEntries(db, bookOf(wallet), limit, beforeSeq);
  const rows = toRows(wallet, entries);
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return {
    balance: { principal: wallet.principal.balance, bonus: wallet.bonus.balance, total: wallet.principal.balance + wallet.bonus.balance },
    data,
    nextCursor: rows.length > limit && last ? encodeCursor(String(last.seq)) : null,
  };
}

/** Every row, oldest first (exports and printing). */
export async function fullStatement(db: Executor, clientId: string): Promise<StatementRow[]> {
  const wallet = await findWallet(db, clientId);
  if (!wallet) return [];
  const entries = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('account_id', 'in', bookOf(wallet))
    .orderBy('book_seq')
    .orderBy('account_id')
    .execute();
  return toRows(wallet, entries);
}

const decimal = (n: number) => {
  const abs = String(Math.abs(n)).padStart(3, '0');
  return `${n < 0 ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
};

export function statementCsv(rows: readonly StatementRow[], storeNames: ReadonlyMap<string, string>): string {
  const header = [
    'date',
    'store',
    'kind',
    'principal',
    'bonus',
    'amount',
    'principal_balance',
    'bonus_balance',
    'balance',
    'reference',
    'reason',
  ];
  const body = rows.map((r) => [
    r.at,
    r.storeId ? (storeNames.get(r.storeId) ?? r.storeId) : '',
    r.kind,
    decimal(r.principal),
    decimal(r.bonus),
    decimal(r.amount),
    decimal(r.principalAfter),
    decimal(r.bonusAfter),
    decimal(r.balanceAfter),
    r.refType && r.refId ? `${r.refType}:${r.refId}` : '',
    r.reason ?? '',
  ]);
  // A BOM so spreadsheet programs read the Chinese names right.
  return `\uFEFF${stringify([header, ...body])}`;
}

const LABELS: Record<Language, Record<string, string>> = {
  en: {
    title: 'Stored value statement',
    date: 'Date',
    store: 'Store',
    kind: 'Entry',
    principal: 'Principal',
    bonus: 'Bonus',
    balance: 'Balance',
    reason: 'Note',
  },
  'zh-CN': {
    title: '储值对账单',
    date: '日期',
    store: '门店',
    kind: '类型',
    principal: '本金',
    bonus: '赠送',
    balance: '余额',
    reason: '备注',
  },
  'zh-TW': {
    title: '儲值對帳單',
    date: '日期',
    store: '門市',
    kind: '類型',
    principal: '本金',
    bonus: '贈送',
    balance: '餘額',
    reason: '備註',
  },
};

const KINDS: Record<Language, Record<string, string>> = {
  en: {
    top_up: 'Top-up',
    spend: 'Payment',
    spend_refund: 'Refund to balance',
    top_up_refund: 'Top-up refunded',
    bonus_forfeit: 'Bonus forfeited',
    adjustment: 'Adjustment',
    merge_in: 'Merged in',
    merge_out: 'Merged out',
    top_up_bonus: 'Bonus',
  },
  'zh-CN': {
    top_up: '充值',
    spend: '消费',
    spend_refund: '退回余额',
    top_up_refund: '充值退款',
    bonus_forfeit: '赠送扣回',
    adjustment: '调整',
    merge_in: '合并转入',
    merge_out: '合并转出',
    top_up_bonus: '赠送',
  },
  'zh-TW': {
    top_up: '加值',
    spend: '消費',
    spend_refund: '退回餘額',
    top_up_refund: '加值退款',
    bonus_forfeit: '贈送扣回',
    adjustment: '調整',
    merge_in: '合併轉入',
    merge_out: '合併轉出',
    top_up_bonus: '贈送',
  },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable page (A4 or 80 mm: the table simply wraps). */
export function statementHtml(
  rows: readonly StatementRow[],
  p: {
    clientName: string;
    businessName: string;
    currency: Currency;
    lang: Language;
    storeNames: ReadonlyMap<string, string>;
    /** Each store's IANA zone: an entry prints in the zone of the store where it happened… */
    timeZones: ReadonlyMap<string, string>;
    /** …else in the client's home store's. */
    homeTimeZone: string;
    printedAt: string;
  },
): string {
  const l = LABELS[p.lang];
  const m = (n: number) => esc(formatMoney(n, p.currency, p.lang));
  const when = (r: StatementRow) =>
    toZonedIso(Date.parse(r.at), (r.storeId && p.timeZones.get(r.storeId)) || p.homeTimeZone)
      .slice(0, 16)
      .replace('T', ' ');
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(when(r))}</td><td>${esc(r.storeId ? (p.storeNames.get(r.storeId) ?? '') : '')}</td><td>${esc(KINDS[p.lang][r.kind] ?? r.kind)}</td>` +
        `<td class="n">${m(r.principal)}</td><td class="n">${m(r.bonus)}</td><td class="n">${m(r.balanceAfter)}</td><td>${esc(r.reason ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8"><title>${esc(l.title!)}</title>
<style>body{font:12px system-ui,sans-serif;margin:16px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ccc;padding:4px;text-align:left}.n{text-align:right;white-space:nowrap}@media print{body{margin:0}}</style></head>
<body><h1>${esc(p.businessName)} — ${esc(l.title!)}</h1><p>${esc(p.clientName)} · ${esc(p.printedAt)}</p>
<table><thead><tr><th>${l.date}</th><th>${l.store}</th><th>${l.kind}</th><th class="n">${l.principal}</th><th class="n">${l.bonus}</th><th class="n">${l.balance}</th><th>${l.reason}</th></tr></thead>
<tbody>${body}</tbody></table></body></html>`;
}
