// Treatment packages in a real browser, on a tablet in the treatment room (1024×768) in 简体中文: use a
// session of a facial package with its technician, write the treatment record with before/after photos
// from the camera input, then read the progress timeline and its chart; and the client's own portal on her
// phone, signed in with the one-time code she was sent.
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

describe('treatment packages in a real browser', () => {
  let e2e: E2E;
  let storeId: string;
  let techId: string;
  let clientId: string;
  let packageId: string;
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
    // The owner reads the app in 简体中文.
    ok(await owner.patch('/api/v1/me', { language: 'zh-CN' }), 200);

    // A technician, a facial category with its record template, a facial service.
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
    const category = ok(await owner.post('/api/v1/service-categories', { name: 'Facials', nameTranslations: { 'zh-CN': '面部护理' } }));
    const service = ok(
      await owner.post('/api/v1/services', {
        name: 'Signature Facial',
        nameTranslations: { 'zh-CN': '招牌面部护理' },
        categoryId: category.id,
        durationMin: 60,
        price: 9500,
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

    // The client, a package template (10 facials in 12 months) and her package, opened outside checkout.
    clientId = ok(
      await owner.post('/api/v1/clients', {
        firstName: '雪',
        lastName: '赵',
        phone: clientPhone,
        language: 'zh-CN',
        consent: { sms: true },
      }),
    ).id;
    const template = ok(
      await owner.post('/api/v1/package-templates', {
        name: '10 Facials in 12 Months',
        nameTranslations: { 'zh-CN': '面部护理十次卡' },
        items: [{ label: 'Signature Facial', labelTranslations: { 'zh-CN': '招牌面部护理' }, sessions: 10, serviceIds: [service.id] }],
        price: 85000,
        validity: { kind: 'months', months: 12 },
        freeze: { allowed: true, maxDays: 30 },
      }),
    );
    packageId = ok(
      await owner.post('/api/v1/client-packages', {
        templateId: template.id,
        clientId,
        storeId,
        reason: 'Carried over from the old system',
      }),
    ).id;

    // Her first visit three weeks ago: session 1 and its record (dry, sensitive skin), shared with her.
    const first = ok(
      await owner.post(
        `/api/v1/client-packages/${packageId}/redemptions`,
        { storeId, serviceId: service.id, staffId: techId },
        { 'idempotency-key': 'e2e-first-visit' },
      ),
    );
    ok(
      await owner.post('/api/v1/treatment-records', {
        clientId,
        storeId,
        serviceId: service.id,
        packageSessionId: first.id,
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
  });
  afterAll(() => e2e?.close());

  it('uses a session, writes the record with photos on a tablet and shows the progress chart, in 简体中文', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768, locale: 'zh-CN' });
    await page.goto('/login');
    await page.getByTestId('login-email').fill(SETUP_BODY.owner.email);
    await page.getByTestId('login-password').fill(OWNER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('sidebar').waitFor();

    // The client's Packages tab: 9 of 10 left, one tap to use a session.
    await page.goto(`/clients/${clientId}?tab=packages`);
    const card = page.getByTestId('package-card');
    await card.waitFor();
    expect(await card.getByTestId('package-name').innerText()).toBe('面部护理十次卡');
    expect(await card.getByTestId('package-remaining').innerText()).toBe('剩余 9 次');
    await shot(page, 'packages-client-tab-zh-CN-1024');

    await card.getByTestId('package-redeem').click();
    const dialog = page.getByTestId('redeem-dialog');
    await dialog.waitFor();
    // One service in the package: already chosen. The technician is tapped.
    await expect.poll(() => dialog.getByTestId('redeem-service').getAttribute('aria-pressed')).toBe('true');
    await dialog.locator(`[data-testid="redeem-staff-option"][data-staff-id="${techId}"]`).click();
    await shot(page, 'packages-redeem-dialog-zh-CN-1024');
    await dialog.getByTestId('redeem-submit').click();
    const done = page.getByTestId('redeem-done');
    await done.waitFor();
    expect(await done.getByTestId('redeem-done-text').innerText()).toContain('第 2 次 / 共 10 次');
    await expect.poll(() => card.getByTestId('package-remaining').innerText()).toBe('剩余 8 次');

    // Straight to the treatment record of that session, made for the tablet.
    await done.getByTestId('redeem-write-record').click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    await expect.poll(() => page.getByTestId('record-session-badge').innerText()).toContain('第 2 次 / 共 10 次');
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

    // The server has the session, the record linked to it, and both photos.
    const state = await page.evaluate(
      async ([pkg, client]) => {
        const sessions = await (await fetch(`/api/v1/client-packages/${pkg}/sessions`)).json();
        const records = await (await fetch(`/api/v1/treatment-records?clientId=${client}`)).json();
        const latest = await (await fetch(`/api/v1/treatment-records/${records.data[0].id}`)).json();
        return { sessions: sessions.data.length, latest };
      },
      [packageId, clientId],
    );
    expect(state.sessions).toBe(2);
    expect(state.latest.packageSessionId).toBeTruthy();
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
