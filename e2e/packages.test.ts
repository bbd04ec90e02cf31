// Treatment packages in a real browser, on the salon's 1024×768 tablet in 简体中文: the desk sells a facial
// package at checkout (a package line, paid by card), the technician uses its first session from the
// appointment in the calendar drawer, writes the treatment record with before/after photos from the camera
// input, then reads the progress timeline and its chart; and the client's own portal on her phone, signed in
// with the one-time code she was sent.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_PASSWORD, SETUP_BODY, Session } from '../test/support/app.js';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';

/** A small photo of "skin", made here: a warm gradient with a few red spots (before) or none (after). */
async function skinPhoto(spots: number): Promise<Buffer> {
  const dots = Array.from(
    { length: spots },
    (_, i) => `<circle cx="${40 + ((i * 53) % 240)}" cy="${30 + ((i * 37) % 180)}" r="${4 + (i % 4)}" fill="#d9534f" opacity="0.7"/>`,
  ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
    <defs><radialGradient id="g"><stop offset="0" stop-color="#f3d3c0"/><stop offset="1" stop-color="#deac96"/></radialGradient></defs>
    <rect width="320" height="240" fill="url(#g)"/>${dots}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const ymd = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const everyDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '19:00' }]]));

/** Her visit: the next full hour today in New York while the salon is open, else tomorrow at 10:00. */
function nextVisit(now = new Date()): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SETUP_BODY.store.timeZone,
    hourCycle: 'h23',
    dateStyle: 'short',
    timeStyle: 'short',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  const today = `${parts.year}-${parts.month}-${parts.day}`;
  const hour = Number(parts.hour);
  if (hour < 17) return { date: today, time: `${String(Math.max(hour + 1, 10)).padStart(2, '0')}:00` };
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return { date: tomorrow.toISOString().slice(0, 10), time: '10:00' };
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(SETUP_BODY.owner.email);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('sidebar').waitFor();
}

describe('treatment packages in a real browser', () => {
  let e2e: E2E;
  let storeId: string;
  let techId: string;
  let clientId: string;
  let templateId: string;
  let visit: { id: string; lineId: string; date: string };
  const clientPhone = '+12125550190';

  beforeAll(async () => {
    e2e = await startE2E();
    const owner = new Session(e2e.app);
    const ok = (res: { statusCode: number; body: string }, status = 201) => {
      expect(res.statusCode, res.body).toBe(status);
      return JSON.parse(res.body);
    };
    const setup = ok(await owner.post('/api/v1/setup', SETUP_BODY));
    storeId = setup.stores[0].id;
    // The owner reads the app in 简体中文; the salon is open 09:00–19:00 every day.
    ok(await owner.patch('/api/v1/me', { language: 'zh-CN' }), 200);
    ok(await owner.patch(`/api/v1/stores/${storeId}`, { hours: everyDay, version: 1 }), 200);

    // A technician on the roster, a facial category with its record template, a facial service she does.
    techId = ok(
      await owner.post('/api/v1/staff', {
        name: 'Wang Xiaohong',
        displayName: '小红',
        email: 'xiaohong@lotus.test',
        role: 'technician',
        storeIds: [storeId],
        language: 'zh-CN',
      }),
    ).id;
    ok(await owner.put(`/api/v1/rosters/${storeId}/staff/${techId}/weekly`, { hours: everyDay, version: 0 }), 200);
    const category = ok(await owner.post('/api/v1/service-categories', { name: 'Facials', nameTranslations: { 'zh-CN': '面部护理' } }));
    const service = ok(
      await owner.post('/api/v1/services', {
        name: 'Signature Facial',
        nameTranslations: { 'zh-CN': '招牌面部护理' },
        categoryId: category.id,
        durationMin: 60,
        price: 9500,
        staff: [{ staffId: techId }],
      }),
    );
    const presets = ok(await owner.get('/api/v1/treatment-templates/presets'), 200);
    const facial = presets.data.find((p: { key: string }) => p.key === 'facial');
    ok(
      await owner.post('/api/v1/treatment-templates', {
        name: facial.name.en,
        nameTranslations: { 'zh-CN': facial.name['zh-CN'], 'zh-TW': facial.name['zh-TW'] },
        categoryIds: [category.id],
        fields: facial.fields,
      }),
    );

    // The package on sale: 10 facials in 12 months.
    templateId = ok(
      await owner.post('/api/v1/package-templates', {
        name: '10 Facials in 12 Months',
        nameTranslations: { 'zh-CN': '面部护理十次卡' },
        items: [{ label: 'Signature Facial', labelTranslations: { 'zh-CN': '招牌面部护理' }, sessions: 10, serviceIds: [service.id] }],
        price: 85000,
        validity: { kind: 'months', months: 12 },
        freeze: { allowed: true, maxDays: 30 },
      }),
    ).id;

    // The client; her trial facial three weeks ago (dry, sensitive skin), recorded and shared with her.
    clientId = ok(
      await owner.post('/api/v1/clients', {
        firstName: '雪',
        lastName: '赵',
        phone: clientPhone,
        language: 'zh-CN',
        consent: { sms: true },
      }),
    ).id;
    ok(
      await owner.post('/api/v1/treatment-records', {
        clientId,
        storeId,
        serviceId: service.id,
        staffId: techId,
        startedAt: daysAgo(21).toISOString(),
        metrics: { skinType: 'dry', hydration: 2, oiliness: 2, sensitivity: 4, pores: 3, concerns: ['redness', 'dullness'] },
        technique: 'Double cleanse, hydrating mask',
        reaction: 'Slight redness, settled within the hour.',
        aftercare: 'SPF 30+ every morning.',
        nextRecommendedOn: ymd(daysAgo(7)),
        sharedWithClient: true,
      }),
    );

    // Today's facial with 小红 (tomorrow's when the salon has closed), booked at the desk.
    const when = nextVisit();
    const booked = ok(
      await owner.post('/api/v1/appointments', {
        storeId,
        clientId,
        lines: [{ serviceId: service.id, staffId: techId, date: when.date, startLocal: when.time }],
      }),
    );
    visit = { id: booked.id, lineId: booked.lines[0].id, date: when.date };
  });
  afterAll(() => e2e?.close());

  it('sells a package at checkout, uses a session from the appointment, writes the record with photos and shows the chart, in 简体中文 on a tablet', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768, locale: 'zh-CN' });
    await signIn(page);

    // The desk sells the package: her ticket, the Packages tab of the register, one tap.
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('checkout-page').waitFor();
    await page.getByTestId('checkout-new-walkin').click();
    await page.getByTestId('ticket-screen').waitFor();
    await page.getByTestId('ticket-client-add').click();
    await page.getByTestId('client-search-input').fill('2125550190');
    await page.getByTestId('client-search-option').first().click();
    await expect.poll(() => page.getByTestId('ticket-client-name').innerText()).toContain('赵');
    await page.locator('[data-testid=catalog-category][data-category="疗程卡"]').click();
    const tile = page.getByTestId('catalog-package');
    expect(await tile.getAttribute('data-name')).toBe('面部护理十次卡');
    await tile.click();
    const line = page.locator('[data-testid=ticket-line][data-kind=package_purchase]');
    await line.waitFor();
    await expect.poll(() => line.getAttribute('data-name')).toBe('面部护理十次卡 · 疗程');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('850.00');
    await shot(page, 'packages-checkout-ticket-zh-CN-1024');

    // Paid by card; the receipt says how many sessions she has.
    await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('850.00');
    await page.getByTestId('tender-add-card').click();
    expect(await page.getByTestId('tender-amount').inputValue()).toBe('850.00');
    await shot(page, 'packages-checkout-payment-zh-CN-1024');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-view').waitFor();
    const receipt = page.frameLocator('[data-testid=receipt-frame]');
    await receipt.getByText('剩余 10/10 次').waitFor();
    await shot(page, 'packages-checkout-receipt-zh-CN-1024');

    // Her Packages tab: the package she just bought, all ten sessions left.
    await page.goto(`/clients/${clientId}?tab=packages`);
    const card = page.getByTestId('package-card');
    await card.waitFor();
    expect(await card.getByTestId('package-name').innerText()).toBe('面部护理十次卡');
    expect(await card.getByTestId('package-remaining').innerText()).toBe('剩余 10 次');
    await shot(page, 'packages-client-tab-zh-CN-1024');

    // The technician opens the visit in the calendar: the drawer shows her package; she uses a session there.
    await page.goto(`/calendar?date=${visit.date}`);
    await page.locator('[data-testid=calendar-grid][data-ready]').waitFor();
    await page.locator(`[data-testid=calendar-event][data-appointment="${visit.id}"]`).first().click();
    const drawer = page.getByTestId('appointment-drawer');
    await drawer.waitFor();
    const left = drawer.getByTestId('glance-package-left');
    await expect.poll(() => left.innerText()).toBe('共 10 次，剩 10 次');
    await drawer.getByTestId('treatment-glance').scrollIntoViewIfNeeded();
    await shot(page, 'packages-appointment-drawer-zh-CN-1024');
    await drawer.getByTestId('glance-redeem').click();
    const dialog = page.getByTestId('redeem-dialog');
    await dialog.waitFor();
    // From the appointment: its service and its technician, already chosen.
    await expect.poll(() => dialog.getByTestId('redeem-service').getAttribute('aria-pressed')).toBe('true');
    expect(await dialog.locator('[data-testid="redeem-staff-option"][aria-pressed="true"]').getAttribute('data-staff-id')).toBe(techId);
    await shot(page, 'packages-redeem-dialog-zh-CN-1024');
    await dialog.getByTestId('redeem-submit').click();
    const done = page.getByTestId('redeem-done');
    await done.waitFor();
    expect(await done.getByTestId('redeem-done-text').innerText()).toContain('第 1 次 / 共 10 次');
    await expect.poll(() => left.innerText()).toBe('共 10 次，剩 9 次');

    // Straight to the treatment record of that session, made for the tablet.
    await done.getByTestId('redeem-write-record').click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await expect.poll(() => page.getByTestId('record-session-badge').innerText()).toContain('第 1 次 / 共 10 次');
    expect(await page.locator('[data-testid="record-staff-option"][aria-pressed="true"]').getAttribute('data-staff-id')).toBe(techId);
    await shot(page, 'treatments-record-top-zh-CN-1024');
    await page.getByTestId('metric-skinType-combination').click();
    await page.getByTestId('metric-hydration-4').click();
    await page.getByTestId('metric-sensitivity-2').click();
    await page.getByTestId('metric-concerns-dullness').click();
    await shot(page, 'treatments-record-assessment-zh-CN-1024');

    // Photos from the camera input: a before and an after.
    await page.getByTestId('photo-before-input').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: await skinPhoto(14) });
    await page.getByTestId('photo-after-input').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: await skinPhoto(3) });
    await expect.poll(() => page.getByTestId('photo-pending').count()).toBe(2);
    await page.getByTestId('record-technique').fill('双重清洁,酵素焕肤,红光 LED 10 分钟');
    await page.getByTestId('reaction-none').click();
    await page.getByTestId('record-aftercare').fill('早晚保湿,外出涂防晒。');
    await page.getByTestId('next-visit-2w').click();
    await page.getByTestId('record-photos').scrollIntoViewIfNeeded();
    await shot(page, 'treatments-record-photos-zh-CN-1024');
    await page.getByTestId('record-save').click();

    // The progress timeline: two visits, the photos side by side, hydration charted from 2 to 4.
    await page.getByTestId('timeline-page').waitFor();
    await expect.poll(() => page.getByTestId('timeline-record').count()).toBe(2);
    await page.getByTestId('photo-compare').waitFor();
    const hydration = page.locator('[data-testid="metric-chart"][data-metric="hydration"]');
    await hydration.locator('canvas').waitFor();
    expect(await hydration.getByTestId('metric-latest').innerText()).toMatch(/2\s*→\s*4/);
    expect(await hydration.getByTestId('metric-trend').innerText()).toBe('有改善');
    await shot(page, 'treatments-timeline-top-zh-CN-1024');
    await hydration.scrollIntoViewIfNeeded();
    await page.waitForTimeout(800); // the line draws in
    await shot(page, 'treatments-timeline-chart-zh-CN-1024');

    // The server has the sale, the package it opened, its session for the appointment's line, and the
    // record linked to both with its two photos.
    const state = await page.evaluate(
      async ([client, store]) => {
        const get = async (path: string) => (await fetch(`/api/v1${path}`)).json();
        const sales = await get(`/sales?storeId=${store}&status=completed`);
        const packages = await get(`/client-packages?clientId=${client}`);
        const pkg = packages.data[0];
        const sessions = await get(`/client-packages/${pkg.id}/sessions`);
        const records = await get(`/treatment-records?clientId=${client}`);
        const latest = await get(`/treatment-records/${records.data[0].id}`);
        return { sales: sales.data, pkg, sessions: sessions.data, latest };
      },
      [clientId, storeId],
    );
    expect(state.sales).toHaveLength(1);
    expect(state.sales[0]).toMatchObject({ clientId, total: 85000 });
    expect(state.pkg).toMatchObject({ templateId, saleId: state.sales[0].id, sessions: { total: 10, remaining: 9 } });
    expect(state.sessions).toHaveLength(1);
    expect(state.sessions[0]).toMatchObject({ staffId: techId, appointmentId: visit.id, appointmentLineId: visit.lineId });
    expect(state.latest.packageSessionId).toBe(state.sessions[0].id);
    expect(state.latest.appointmentLineId).toBe(visit.lineId);
    expect(state.latest.staffId).toBe(techId);
    expect(state.latest.health.metrics).toMatchObject({ skinType: 'combination', hydration: 4, sensitivity: 2, concerns: ['dullness'] });
    expect(state.latest.photos.map((p: { kind: string }) => p.kind).sort()).toEqual(['after', 'before']);
    await page.context().close();
  });

  it('lets the client sign in to her portal with a one-time code and see her package and progress on her phone', async () => {
    const page = await newPage(e2e, { width: 390, height: 844, locale: 'zh-CN' });
    await page.goto('/portal');
    await page.getByTestId('portal-signin').waitFor();
    await page.getByTestId('portal-contact').fill('(212) 555-0190');
    await page.getByTestId('portal-send-code').click();
    await page.getByTestId('portal-code-step').waitFor();

    const sent = await e2e.deliverMessages();
    const sms = [...sent].reverse().find((m) => m.channel === 'sms' && m.to === clientPhone && /\d{6}/.test(m.text));
    expect(sms?.text).toContain('验证码');
    const code = /(\d{6})/.exec(sms!.text)![1]!;
    await page.getByTestId('portal-code').fill(code);
    await page.getByTestId('portal-code-submit').click();

    await page.getByTestId('portal-home').waitFor();
    expect(await page.getByTestId('portal-package-name').innerText()).toBe('面部护理十次卡');
    await expect.poll(() => page.getByTestId('portal-visit').count()).toBe(2);
    await page.locator('[data-testid="metric-chart"][data-metric="hydration"] canvas').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'portal-home-zh-CN-390');
    await page.getByTestId('portal-package').click();
    await page.getByTestId('portal-package-page').waitFor();
    await shot(page, 'portal-package-zh-CN-390');
    await page.context().close();
  });
});
