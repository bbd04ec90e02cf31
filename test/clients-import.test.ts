import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_JOB_KIND, importJobHandler, runImport } from '../src/server/modules/clients/import/index.js';
import { JobWorker } from '../src/server/platform/jobs/index.js';
import { addStaff, createTestApp, expectProblem, type Session, setUpBusiness, type TestApp } from './support/app.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/import');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

let t: TestApp;
let owner: Session;
let storeId: string;

/** Uploads a file as the raw request body (or as multipart when asked) and returns the response. */
function upload(
  session: Session,
  bytes: Buffer | string,
  opts: { fileName?: string; contentType?: string; multipart?: boolean; store?: string } = {},
) {
  const qs = new URLSearchParams({
    storeId: opts.store ?? storeId,
    ...(opts.fileName && !opts.multipart ? { fileName: opts.fileName } : {}),
  });
  const url = `/api/v1/clients/import?${qs}`;
  if (opts.multipart) {
    const boundary = '----orchidTestBoundary7MA4YWxkTrZu0gW';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.fileName ?? 'clients.csv'}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return session.request('POST', url, body as never, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
  return session.request('POST', url, (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)) as never, {
    'content-type': opts.contentType ?? 'text/csv',
  });
}

/** Runs the queued import jobs the way the platform worker does, without timers. */
async function runJobs(app: TestApp = t) {
  const worker = new JobWorker({ database: app.deps.database, clock: app.clock }).register(IMPORT_JOB_KIND, importJobHandler(app.deps));
  return worker.runOnce();
}

/** Upload → optional mapping → run → the finished import. */
async function importFile(
  session: Session,
  bytes: Buffer | string,
  mapping: Record<string, unknown> = {},
  app: TestApp = t,
  store = storeId,
) {
  const up = await upload(session, bytes, { store });
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().id as string;
  if (Object.keys(mapping).length) {
    const m = await session.put(`/api/v1/clients/import/${id}/mapping`, mapping);
    expect(m.statusCode, m.body).toBe(200);
  }
  const run = await session.post(`/api/v1/clients/import/${id}/run`);
  expect(run.statusCode, run.body).toBe(202);
  await runJobs(app);
  const done = await session.get(`/api/v1/clients/import/${id}`);
  expect(done.json().status, done.body).toBe('done');
  return done.json();
}

const clientCount = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('clients')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function findClient(q: string) {
  const res = await owner.get(`/api/v1/clients?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  const hit = res.json().data[0];
  if (!hit) return null;
  return (await owner.get(`/api/v1/clients/${hit.id}`)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  ({ owner, storeId } = await setUpBusiness(t));
});
afterAll(async () => t.close());

describe('client CSV import', () => {
  it('is documented in the OpenAPI document', async () => {
    const doc = (await owner.get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/clients/import',
        '/api/v1/clients/import/{id}',
        '/api/v1/clients/import/{id}/mapping',
        '/api/v1/clients/import/{id}/dry-run',
        '/api/v1/clients/import/{id}/run',
        '/api/v1/clients/import/{id}/report.csv',
      ]),
    );
  });

  it('upload detects encoding, delimiter and preset, and suggests a mapping', async () => {
    const res = await upload(owner, fixture('square-customers.csv'), { fileName: 'customers.csv' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'uploaded',
      fileName: 'customers.csv',
      encoding: 'utf-8',
      encodingConfident: true,
      delimiter: 'comma',
      preset: 'square',
      presetName: 'Square Appointments',
      rowCount: 8,
      dateFormat: 'MDY',
      duplicatePolicy: 'skip',
      progress: { total: 8, processed: 0, created: 0 },
    });
    expect(body.headers.slice(0, 5)).toEqual(['Reference ID', 'First Name', 'Last Name', 'Email Address', 'Phone Number']);
    expect(body.sampleRows[1][12]).toBe('Allergic to lavender.\nSecond line of the memo "quoted"');
    expect(body.mapping.fields).toMatchObject({
      firstName: [1],
      lastName: [2],
      email: [3],
      phone: [4],
      birthday: [11],
      notes: [12],
      emailConsent: [15],
      tags: [16],
    });
  });

  it('dry run lists per-row errors and counts without writing; run imports with normalised data', async () => {
    const up = await upload(owner, fixture('square-customers.csv'));
    const id = up.json().id;
    const mapped = await owner.put(`/api/v1/clients/import/${id}/mapping`, {
      dateFormat: 'MDY',
      duplicatePolicy: 'skip',
      version: up.json().version,
    });
    expect(mapped.statusCode, mapped.body).toBe(200);

    const dry = await owner.post(`/api/v1/clients/import/${id}/dry-run`);
    expect(dry.statusCode, dry.body).toBe(200);
    const plan = dry.json();
    expect(plan).toMatchObject({ total: 8, create: 3, update: 0, skip: 1, fail: 4 });
    expect(plan.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [5, 'invalid_phone'],
      [6, 'invalid_email'],
      [7, 'invalid_birthday'],
      [9, 'name_missing'],
    ]);
    expect(plan.errors[0].message).toBe('“555” is not a valid phone number.');
    expect(plan.skipped).toEqual([
      expect.objectContaining({ row: 8, code: 'duplicate_in_file', message: 'Same phone number as row 2 of this file: skipped.' }),
    ]);
    expect(plan.preview[0]).toMatchObject({
      row: 2,
      action: 'create',
      firstName: 'Mary',
      phone: '(415) 555-0134',
      birthday: '1990-03-15',
      tags: ['VIP', 'gel'],
    });
    expect(await clientCount()).toBe(0);
    const zh = await owner.post(`/api/v1/clients/import/${id}/dry-run`, {}, { 'accept-language': 'zh-CN' });
    expect(zh.json().errors[0].message).toBe('“555”不是有效的电话号码。');

    const run = await owner.post(`/api/v1/clients/import/${id}/run`);
    expect(run.statusCode, run.body).toBe(202);
    expect(run.json().status).toBe('queued');
    expect((await owner.post(`/api/v1/clients/import/${id}/run`)).statusCode).toBe(409);
    expect((await runJobs()).done).toBe(1);

    const done = (await owner.get(`/api/v1/clients/import/${id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      progress: { total: 8, processed: 8, created: 3, updated: 0, skipped: 1, failed: 4, percent: 100 },
    });
    expect(await clientCount()).toBe(3);

    const mary = await findClient('mary.smith@example.com');
    expect(mary).toMatchObject({
      firstName: 'Mary',
      lastName: 'Smith',
      phone: '+14155550134',
      phoneDisplay: '(415) 555-0134',
      birthday: { month: 3, day: 15, year: 1990 },
    });
    expect(mary.tags.sort()).toEqual(['gel', 'VIP'].sort());
    expect(mary.consent.email).toMatchObject({ granted: true, source: 'import', at: new Date(t.clock.now()).toISOString() });
    const wang = await findClient('wxm');
    expect(wang).toMatchObject({
      firstName: '小明',
      lastName: '王',
      preferredName: 'Sam',
      phone: '+14155550135',
      email: 'wang.xm@example.com',
    });
    expect(wang.consent.email).toMatchObject({ granted: false, source: 'import' });
    expect(wang.tags.sort()).toEqual(['pedicure', 'VIP'].sort());
    const notes = await t.db.db.selectFrom('client_notes').select('body').where('client_id', '=', wang.id).execute();
    expect(notes.map((n) => n.body)).toEqual(['Allergic to lavender.\nSecond line of the memo "quoted"']);
    const ana = await findClient('García');
    expect(ana).toMatchObject({ phone: '+16045550199', birthday: { month: 12, day: 25, year: null } });

    const audit = await t.db.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'client.import.upload',
      'client.import.mapping',
      'client.import.run',
      'client.import.complete',
    ]);

    // The report: every row not imported, why, and its original cells.
    const report = await owner.get(`/api/v1/clients/import/${id}/report.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.body.startsWith('\ufeff')).toBe(true);
    const rows = parse(report.body, { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['Row', 'Outcome', 'Reason', 'Reference ID']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['5', 'not imported (error)'],
      ['6', 'not imported (error)'],
      ['7', 'not imported (error)'],
      ['8', 'skipped (duplicate)'],
      ['9', 'not imported (error)'],
    ]);
    expect(rows[1]![2]).toBe('“555” is not a valid phone number.');
    expect(rows[3]![2]).toBe('“31/12/1990” is not a date in the chosen format (MM/DD/YYYY).');
    expect(rows[1]![3]).toBe('R-1004');
    // A finished import keeps its report but not the file: no second dry run or run, no re-mapping.
    expectProblem(await owner.post(`/api/v1/clients/import/${id}/dry-run`), 409, 'import_finished');
    expectProblem(await owner.post(`/api/v1/clients/import/${id}/run`), 409, 'import_finished');
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { dateFormat: 'DMY' }), 409, 'import_finished');
    expect(await t.db.db.selectFrom('client_import_files').select('import_id').where('import_id', '=', id).execute()).toEqual([]);
    const zhReport = await owner.get(`/api/v1/clients/import/${id}/report.csv`, { 'accept-language': 'zh-TW' });
    expect(zhReport.body).toContain('列號');
    expect(zhReport.body).toContain('不是有效的電話號碼');
  });

  it('re-running the same file creates no duplicates, whatever the policy', async () => {
    const before = await clientCount();
    const again = await importFile(owner, fixture('square-customers.csv'), { duplicatePolicy: 'skip' });
    expect(again.progress).toMatchObject({ created: 0, updated: 0, skipped: 4, failed: 4 });
    expect(await clientCount()).toBe(before);
    // "create" knowingly creates the same-phone row 8 that "skip" left out, once: a second run creates nothing.
    const create = await importFile(owner, fixture('square-customers.csv'), { duplicatePolicy: 'create' });
    expect(create.progress).toMatchObject({ created: 1, skipped: 3, failed: 4 });
    expect(await clientCount()).toBe(before + 1);
    for (const duplicatePolicy of ['create', 'update', 'skip'] as const) {
      const rerun = await importFile(owner, fixture('square-customers.csv'), { duplicatePolicy });
      expect(rerun.progress, duplicatePolicy).toMatchObject({ created: 0, updated: 0, skipped: 4, failed: 4 });
    }
    expect(await clientCount()).toBe(before + 1);
    const up = await upload(owner, fixture('square-customers.csv'));
    const dry = (await owner.post(`/api/v1/clients/import/${up.json().id}/dry-run`)).json();
    expect(dry.skipped.map((s: { code: string }) => s.code)).toEqual([
      'already_imported',
      'already_imported',
      'already_imported',
      'already_imported',
    ]);
  });

  it('matches existing clients on phone or email: skip leaves them, update changes them', async () => {
    const csv =
      'First Name,Last Name,Phone,Email,Tags,SMS Consent,SMS Consent Date\r\nMary,Smith-Jones,415-555-0134,,nails,yes,2025-05-01\r\nNew,Person,,new.person@example.com,,no,\r\nWang,X,,wang.xm@example.com,,,\r\n';
    const skipped = await importFile(owner, csv, { duplicatePolicy: 'skip' });
    expect(skipped.progress).toMatchObject({ created: 1, updated: 0, skipped: 2, failed: 0 });
    expect((await findClient('mary.smith@example.com')).lastName).toBe('Smith');

    const csv2 = csv.replace('nails', 'nails;toes').replace('New,Person', 'New,Person2');
    const updated = await importFile(owner, csv2, { duplicatePolicy: 'update' });
    expect(updated.progress).toMatchObject({ created: 0, updated: 3, skipped: 0, failed: 0 });
    const mary = await findClient('mary.smith@example.com');
    expect(mary.lastName).toBe('Smith-Jones');
    expect(mary.email).toBe('mary.smith@example.com'); // an empty cell leaves the field alone
    expect(mary.tags.map((x: string) => x.toLowerCase()).sort()).toEqual(['gel', 'nails', 'toes', 'vip']);
    expect(mary.consent.sms).toMatchObject({ granted: true, source: 'import', at: '2025-05-01T04:00:00.000Z' });
    expect((await findClient('new.person@example.com')).lastName).toBe('Person2');

    // With "update", a later row of the same file updates the client an earlier row just created.
    const twice = 'Name,Phone,Tags\r\nLily Chen,917-555-0177,first\r\nLily Chen-Wu,(917) 555-0177,second\r\n';
    const inFile = await importFile(owner, twice, { duplicatePolicy: 'update' });
    expect(inFile.progress).toMatchObject({ created: 1, updated: 1, skipped: 0, failed: 0 });
    expect(await findClient('9175550177')).toMatchObject({ firstName: 'Lily', lastName: 'Chen-Wu', tags: ['first', 'second'] });
  });

  it('reads a GBK file from Chinese software: full names split, 是/否 consent, tags with 、', async () => {
    const up = await upload(owner, fixture('gbk-members.csv'));
    expect(up.json()).toMatchObject({
      encoding: 'gb18030',
      encodingConfident: true,
      preset: 'generic',
      headers: ['姓名', '手机号', '生日', '性别', '标签', '短信营销', '备注'],
    });
    const done = await importFile(owner, fixture('gbk-members.csv'));
    expect(done.progress).toMatchObject({ created: 2, failed: 1 });
    const wang = await findClient('7185550101');
    expect(wang).toMatchObject({ firstName: '小明', lastName: '王', gender: '女', birthday: { year: 1988, month: 6, day: 1 } });
    expect(wang.tags.sort()).toEqual(['VIP', '老客户'].sort());
    expect(wang.consent.sms).toMatchObject({ granted: true, source: 'import' });
    const ouyang = await findClient('欧阳');
    expect(ouyang).toMatchObject({ firstName: '娜娜', lastName: '欧阳', birthday: { month: 3, day: 8, year: null } });
    expect(ouyang.consent.sms).toMatchObject({ granted: false });
  });

  it('reads UTF-16 (LE tab-separated Excel text, BE with BOM) and semicolon files', async () => {
    const le = await upload(owner, fixture('utf16le-excel.txt'), { fileName: 'export.txt' });
    expect(le.json()).toMatchObject({ encoding: 'utf-16le', delimiter: 'tab', rowCount: 2 });
    const leDone = await importFile(owner, fixture('utf16le-excel.txt'), { dateFormat: 'DMY' });
    expect(leDone.progress).toMatchObject({ created: 2, failed: 0 });
    expect(await findClient('chan@example.com')).toMatchObject({
      firstName: '陳',
      lastName: '大文',
      birthday: { year: 1975, month: 8, day: 15 },
    });
    expect(await findClient('zoe@example.com')).toMatchObject({
      firstName: 'Zoë',
      phone: '+16045550112',
      birthday: { month: 2, day: 1, year: null },
    });

    const be = await upload(owner, fixture('utf16be.csv'));
    expect(be.json()).toMatchObject({ encoding: 'utf-16be', delimiter: 'comma' });
    await importFile(owner, fixture('utf16be.csv'));
    expect(await findClient('2125550121')).toMatchObject({ firstName: '小美', lastName: '林' });

    const semi = await upload(owner, fixture('semicolon.csv'));
    expect(semi.json()).toMatchObject({
      delimiter: 'semicolon',
      headers: ['First Name', 'Last Name', 'Phone', 'Email', 'Birthday', 'Notes'],
    });
    const semiDone = await importFile(owner, fixture('semicolon.csv'), { dateFormat: 'DMY' });
    expect(semiDone.progress).toMatchObject({ created: 2, failed: 0 });
    expect(await findClient('elodie@example.com')).toMatchObject({
      lastName: 'Gagnon',
      phone: '+15145550131',
      birthday: { year: 1985, month: 6, day: 24 },
    });
  });

  it('lets the user override the encoding and delimiter, and fix the mapping', async () => {
    const latin = Buffer.from('Name;Phone\r\nRenée Dubois;514-555-0141\r\n', 'latin1');
    const up = await upload(owner, latin);
    expect(up.json()).toMatchObject({ encoding: 'windows-1252', encodingConfident: false, delimiter: 'semicolon' });
    const id = up.json().id;
    const asComma = await owner.put(`/api/v1/clients/import/${id}/mapping`, { delimiter: 'comma', fields: { fullName: 0 } });
    expect(asComma.json()).toMatchObject({ delimiter: 'comma', headers: ['Name;Phone'] });
    const back = await owner.put(`/api/v1/clients/import/${id}/mapping`, {
      delimiter: 'semicolon',
      encoding: 'windows-1252',
      fields: { fullName: 0, phone: [1] },
    });
    expect(back.json()).toMatchObject({
      encodingConfident: true,
      sampleRows: [['Renée Dubois', '514-555-0141']],
      mapping: { fields: { fullName: [0], phone: [1] } },
    });
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { fields: { phone: 9 } }), 422, 'import_mapping_invalid');
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { fields: { gender: 0 } }), 422, 'import_mapping_invalid');
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { fields: { nickname: 0 } }), 400, 'validation_failed');
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { dateFormat: 'YDM' }), 400, 'validation_failed');
    expectProblem(await owner.put(`/api/v1/clients/import/${id}/mapping`, { version: 1 }), 409, 'stale_version');
  });

  it('refuses empty, header-only and binary files with 422 import_unreadable and a reason', async () => {
    const cases: Array<[Buffer, string, string]> = [
      [fixture('empty.csv'), 'empty', 'The file is empty.'],
      [fixture('header-only.csv'), 'no_rows', 'The file has a header row but no clients below it.'],
      [fixture('not-a-csv.png'), 'binary', 'This is not a text file (it looks like an image, a PDF or another binary file).'],
      [
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
        'spreadsheet',
        'This is an Excel workbook, not a CSV file. Open it in Excel and use “Save as → CSV UTF-8”.',
      ],
    ];
    for (const [bytes, reason, detail] of cases) {
      const res = await upload(owner, bytes, { contentType: 'application/octet-stream' });
      const body = expectProblem(res, 422, 'import_unreadable');
      expect([body.reason, body.detail]).toEqual([reason, detail]);
    }
    const png = await upload(owner, fixture('not-a-csv.png'), { multipart: true, fileName: 'photo.png' });
    expect(expectProblem(png, 422, 'import_unreadable').reason).toBe('binary');
    owner.language = 'zh-CN';
    expect(expectProblem(await upload(owner, ''), 422, 'import_unreadable').detail).toBe('文件是空的。');
    owner.language = 'en';
    expect(await t.db.db.selectFrom('client_imports').select('id').where('row_count', '=', 0).execute()).toEqual([]);
  });

  it('accepts a multipart upload', async () => {
    const res = await upload(owner, fixture('semicolon.csv'), { multipart: true, fileName: 'clients;fr.csv' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'clients;fr.csv', delimiter: 'semicolon', rowCount: 2 });
  });

  it('is for owners and managers of the store only', async () => {
    const desk = await addStaff(t, owner, { role: 'front_desk', storeIds: [storeId], email: 'desk@lotus.test' });
    expectProblem(await upload(desk.session, fixture('semicolon.csv')), 403, 'forbidden');
    const mine = (await upload(owner, fixture('semicolon.csv'))).json().id;
    expectProblem(await desk.session.get(`/api/v1/clients/import/${mine}`), 403, 'forbidden');
    expectProblem(await desk.session.post(`/api/v1/clients/import/${mine}/run`), 403, 'forbidden');

    const manager = await addStaff(t, owner, { role: 'manager', storeIds: [storeId], email: 'manager@lotus.test' });
    const res = await upload(manager.session, fixture('semicolon.csv'));
    expect(res.statusCode, res.body).toBe(201);
    expect((await manager.session.post(`/api/v1/clients/import/${res.json().id}/dry-run`)).statusCode).toBe(200);

    const other = await owner.post('/api/v1/stores', { name: 'Richmond', timeZone: 'America/Vancouver', currency: 'CAD' });
    expect(other.statusCode, other.body).toBe(201);
    expectProblem(await upload(manager.session, fixture('semicolon.csv'), { store: other.json().id }), 403, 'store_forbidden');
    const theirs = (await upload(owner, fixture('semicolon.csv'), { store: other.json().id })).json().id;
    expectProblem(await manager.session.get(`/api/v1/clients/import/${theirs}`), 404, 'not_found');
  });
});

describe('rows the clients module refuses', () => {
  const trigger = async (on: boolean) => {
    const db = t.db.db;
    if (t.db.dialect === 'sqlite') {
      if (on)
        await sql`create trigger explode before insert on clients when new.first_name like 'Boom%' begin select raise(abort, 'exploded'); end`.execute(
          db,
        );
      else await sql`drop trigger explode`.execute(db);
    } else if (on) {
      await sql`create or replace function explode() returns trigger as $$ begin if new.first_name like 'Boom%' then raise exception 'exploded'; end if; return new; end $$ language plpgsql`.execute(
        db,
      );
      await sql`create trigger explode before insert on clients for each row execute function explode()`.execute(db);
    } else await sql`drop trigger explode on clients`.execute(db);
  };

  it('a row that fails to save is rolled back alone; committed batches stay; a crash resumes after them', async () => {
    const names = ['Ok1', 'Boom1', 'Ok2', ...Array.from({ length: 30 }, (_, i) => `Boom-batch-${i}`), 'Ok3'];
    const csv = `First Name,Last Name,Email\r\n${names.map((n) => `${n},Row,${n.toLowerCase()}@rows.test`).join('\r\n')}\r\n`;
    const up = await upload(owner, csv);
    const id = up.json().id;
    expect((await owner.post(`/api/v1/clients/import/${id}/run`)).statusCode).toBe(202);
    await trigger(true);
    try {
      // Batches of 3: the first commits two clients and reports Boom1; a batch where more rows fail to save than
      // allowed is not bad data but a broken database, so the run stops there (the job retries it later).
      await expect(
        runImport(t.deps, { importId: id, actorId: null, ip: null, requestId: null }, { batchSize: 3, maxSaveFailuresPerBatch: 2 }),
      ).rejects.toThrow(/exploded/);
    } finally {
      await trigger(false);
    }
    const stopped = (await owner.get(`/api/v1/clients/import/${id}`)).json();
    expect(stopped.status).toBe('running');
    expect(stopped.progress).toMatchObject({ processed: 3, created: 2, failed: 1 });
    expect(
      await t.db.db.selectFrom('clients').select('first_name').where('email', 'like', '%@rows.test').orderBy('first_name').execute(),
    ).toEqual([{ first_name: 'Ok1' }, { first_name: 'Ok2' }]);

    // One import at a time: another one waits until this one has finished.
    const other = (await upload(owner, fixture('semicolon.csv'))).json().id;
    expectProblem(await owner.post(`/api/v1/clients/import/${other}/run`), 409, 'import_busy');

    // The retry resumes after the committed batch: nothing is created twice.
    await runJobs();
    const done = (await owner.get(`/api/v1/clients/import/${id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: { processed: 34, created: 33, failed: 1 } });
    const report = parse((await owner.get(`/api/v1/clients/import/${id}/report.csv`)).body, { bom: true }) as string[][];
    expect(report.slice(1).map((r) => [r[0], r[3]])).toEqual([['3', 'Boom1']]);
    expect(report[1]![2]).toMatch(/^Could not be saved: /);
    expect(await t.db.db.selectFrom('clients').select('id').where('email', 'like', '%@rows.test').execute()).toHaveLength(33);
  });
});

describe('planner statistics after a large import', () => {
  it('refreshes PostgreSQL statistics of the client tables once the import is done', async () => {
    const analyzeCount = async () =>
      t.db.dialect === 'postgres'
        ? Number(
            (
              await sql<{
                n: number;
              }>`select coalesce(sum(analyze_count), 0) as n from pg_stat_user_tables where relname = 'client_search_terms'`.execute(
                t.db.db,
              )
            ).rows[0]!.n,
          )
        : 0;
    const csv = `First Name,Last Name,Email\r\n${[1, 2, 3].map((i) => `Stat${i},Row,stat${i}@stats.test`).join('\r\n')}\r\n`;
    const id = (await upload(owner, csv)).json().id;
    expect((await owner.post(`/api/v1/clients/import/${id}/run`)).statusCode).toBe(202);
    const before = await analyzeCount();
    // The threshold lowered to this small file: what a 1,000-row import does.
    await runImport(t.deps, { importId: id, actorId: null, ip: null, requestId: null }, { analyzeAfterRows: 3 });
    expect((await owner.get(`/api/v1/clients/import/${id}`)).json()).toMatchObject({ status: 'done', progress: { created: 3 } });
    expect(await analyzeCount()).toBe(t.db.dialect === 'postgres' ? before + 1 : 0);
  });
});

describe('export → import round trip through the API', () => {
  const FIELDS = [
    { key: 'nail_shape', type: 'choice', labels: { en: 'Nail shape' }, options: [{ value: 'almond' }, { value: 'square' }] },
    { key: 'visits', type: 'number', labels: { en: 'Visits' } },
    { key: 'vip_since', type: 'date', labels: { en: 'VIP since' } },
    { key: 'newsletter', type: 'yes_no', labels: { en: 'Newsletter' } },
    { key: 'likes', type: 'multi_choice', labels: { en: 'Likes' }, options: [{ value: 'hot stones' }, { value: 'tea, green' }] },
    { key: 'remark', type: 'text', labels: { 'zh-CN': '备注' } },
  ];

  async function business(app: TestApp) {
    const { owner: o, storeId: s } = await setUpBusiness(app);
    const tech = await addStaff(app, o, { role: 'technician', storeIds: [s], email: 'tech@lotus.test' });
    for (const f of FIELDS) expect((await o.post('/api/v1/custom-fields', f)).statusCode).toBe(201);
    return { owner: o, storeId: s, techId: tech.staff.id as string };
  }

  const exportRows = async (o: Session) => {
    const res = await o.get('/api/v1/clients/export.csv');
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, rows: parse(res.body, { bom: true }) as string[][] };
  };

  it("imports Orchid's own export without loss, and matches its own clients on re-import", async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    try {
      const A = await business(a);
      const B = await business(b);
      const clients = [
        {
          firstName: '小明',
          lastName: '王',
          phone: '(415) 555-0134',
          email: 'xm@example.com',
          birthday: { month: 3, day: 15 },
          language: 'zh-CN',
          source: 'Referral, "Yelp"\nsecond line',
          tags: ['VIP', 'Nails, Gel', '老客户'],
          consent: { sms: true, email: false, wordingVersion: 'v2' },
          preferences: {
            favouriteStaffId: A.techId,
            pressure: 'firm',
            focusAreas: ['neck', 'shoulders'],
            allergyReminder: 'Latex, "severe"',
          },
          customFields: {
            nail_shape: 'almond',
            visits: 12.5,
            vip_since: '2024-02-29',
            newsletter: true,
            likes: ['hot stones', 'tea, green'],
            remark: '多行\n备注, "引号"',
          },
        },
        {
          firstName: '娜娜',
          lastName: '欧阳',
          gender: '女',
          phone: '+1 604 555 0199',
          birthday: { month: 8, day: 30, year: 1990, lunar: true },
          referrer: 'Mary "M" Smith, Jr.',
          language: 'zh-TW',
          customFields: { newsletter: false },
        },
        { firstName: 'Zoë', lastName: "O'Brien-Tremblay", preferredName: 'Zo, "Z"', email: 'zoe@example.com', consent: { email: true } },
        { firstName: 'Cher', birthday: { month: 2, day: 29, year: 1996 } },
      ];
      for (const c of clients) {
        const res = await A.owner.post('/api/v1/clients', c);
        expect(res.statusCode, res.body).toBe(201);
      }
      const exported = await exportRows(A.owner);
      expect(exported.rows).toHaveLength(5);

      const imported = await importFile(B.owner, exported.body, {}, b, B.storeId);
      expect(imported).toMatchObject({ preset: 'orchid', progress: { created: 4, failed: 0, skipped: 0 } });
      const again = await exportRows(B.owner);
      const comparable = (rows: string[][]) => {
        const [header, ...data] = rows;
        const drop = new Set(['client_id', 'created_at'].map((c) => header!.indexOf(c)));
        return data.map((r) => r.filter((_, i) => !drop.has(i))).sort((x, y) => (x.join() < y.join() ? -1 : 1));
      };
      expect(again.rows[0]).toEqual(exported.rows[0]);
      expect(comparable(again.rows)).toEqual(comparable(exported.rows));

      // Re-importing the export into the business it came from finds every client by its Orchid id.
      const own = await importFile(A.owner, exported.body, {}, a, A.storeId);
      expect(own.progress).toMatchObject({ created: 0, skipped: 4 });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
