// Using a package session at checkout, in a real browser on the front desk's 1024×768 tablet: the desk rings
// up her facial, the ticket offers her package ("Use package · 10 sessions left"), one tap makes the line a
// $0 session ("Session 1 of 10 · 9 left after this"), the sale completes and her profile shows 9 left. Then
// in 简体中文, tickets of visits whose session was already used in the treatment room: the register says so
// instead of offering a second session, and when the room used it while the ticket was open, the server's
// 409 is shown and the line explains itself. Screenshots are kept in test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newPage, shot, startE2E } from './support/harness.js';
import { type Api, OWNER, ownerApi, PASSWORD, signIn, ZONE } from './support/owner.js';

const everyDay = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open: '09:00', close: '19:00' }]]));

/** Tomorrow in the store's zone, "YYYY-MM-DD" (the salon is open then whatever the time now). */
function tomorrow(now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, dateStyle: 'short' }).format(now);
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

type Pkg = { id: string; sessions: { total: number; used: number; remaining: number } };
type Session = { id: string; staffId: string | null; saleId: string | null; appointmentLineId: string | null; status: string };

describe('package sessions at checkout in a real browser', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof ownerApi>>;
  let amyId: string;
  let facialId: string;
  let clientId: string;
  let pkgId: string;

  const pkg = () => api.call<Pkg>('GET', `/client-packages/${pkgId}`);
  const sessions = async () => (await api.call<{ data: Session[] }>('GET', `/client-packages/${pkgId}/sessions`)).data;
  /** Her facial with Amy tomorrow at `time`, and a ticket opened from it; returns the ticket and the visit line. */
  const visitTicket = async (time: string) => {
    const booked = await api.call<{ id: string; lines: { id: string }[] }>('POST', '/appointments', {
      storeId: api.storeId,
      clientId,
      lines: [{ serviceId: facialId, staffId: amyId, date: tomorrow(), startLocal: time }],
    });
    const sale = await api.call<{ id: string }>('POST', '/sales', { storeId: api.storeId, appointmentId: booked.id });
    return { saleId: sale.id, lineId: booked.lines[0]!.id };
  };
  /** Amy uses a session for the visit's line from the appointment drawer (its API). */
  const redeemInRoom = (lineId: string) =>
    api.call('POST', `/client-packages/${pkgId}/redemptions`, {
      storeId: api.storeId,
      serviceId: facialId,
      staffId: amyId,
      appointmentLineId: lineId,
    });

  beforeAll(async () => {
    e2e = await startE2E();
    api = await ownerApi(e2e.baseUrl);
    await api.call('PATCH', `/stores/${api.storeId}`, { hours: everyDay, version: 1 });
    amyId = (
      await api.call<{ id: string }>('POST', '/staff', {
        name: 'Amy Chen',
        displayName: 'Amy',
        email: 'amy@lotus.test',
        role: 'technician',
        storeIds: [api.storeId],
        language: 'en',
      })
    ).id;
    await api.call('PUT', `/rosters/${api.storeId}/staff/${amyId}/weekly`, { hours: everyDay, version: 0 });
    facialId = (
      await api.call<{ id: string }>('POST', '/services', {
        name: 'Signature Facial',
        nameTranslations: { 'zh-CN': '招牌面部护理', 'zh-TW': '招牌面部護理' },
        durationMin: 60,
        price: 9500,
        staff: [{ staffId: amyId }],
      })
    ).id;
    const template = await api.call<{ id: string }>('POST', '/package-templates', {
      name: '10 Facials',
      nameTranslations: { 'zh-CN': '面部护理十次卡', 'zh-TW': '面部護理十次卡' },
      items: [{ label: 'Signature Facial', labelTranslations: { 'zh-CN': '招牌面部护理' }, sessions: 10, serviceIds: [facialId] }],
      price: 85000,
      validity: { kind: 'months', months: 12 },
    });
    clientId = (
      await api.call<{ id: string }>('POST', '/clients', {
        firstName: 'Grace',
        lastName: 'Lee',
        phone: '+1 718 555 0142',
        homeStoreId: api.storeId,
      })
    ).id;
    // She bought it last month at another till: ten sessions on it.
    pkgId = (
      await api.call<{ id: string }>('POST', '/client-packages', {
        templateId: template.id,
        clientId,
        storeId: api.storeId,
        reason: 'Bought before the switch to Orchid',
      })
    ).id;
  });
  afterAll(() => e2e?.close());

  it('rings up her facial, uses a package session for it at no charge, and her profile shows one session less', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768 });
    await signIn(page, 'en');
    await page.getByTestId('nav-checkout').click();
    await page.getByTestId('checkout-page').waitFor();
    await page.getByTestId('checkout-new-walkin').click();
    await page.getByTestId('ticket-screen').waitFor();

    // Amy's facial, then the client: her package shows under her name, and the facial offers it.
    await page.locator(`[data-testid=tech-chip][data-staff="${amyId}"]`).click();
    await page.locator('[data-testid=catalog-service][data-name="Signature Facial"]').click();
    const service = page.locator('[data-testid=ticket-line][data-kind=service]');
    await service.waitFor();
    await page.getByTestId('ticket-client-add').click();
    await page.getByTestId('client-search-input').fill('Grace');
    await page.getByTestId('client-search-option').first().click();
    await expect.poll(() => page.getByTestId('ticket-client-name').innerText()).toContain('Grace');
    await expect.poll(() => page.getByTestId('ticket-package-left').innerText()).toContain('10 of 10 sessions left');
    const offer = service.getByTestId('ticket-line-use-package');
    await expect.poll(() => offer.innerText()).toBe('Use package · 10 sessions left');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('95.00');
    await shot(page, 'checkout-redeem-offer-en-1024');

    // "Use package session": which session this is, then one tap.
    await offer.click();
    const dialog = page.getByTestId('use-package-dialog');
    await dialog.waitFor();
    const option = dialog.locator(`[data-testid=package-redemption-option][data-package-id="${pkgId}"]`);
    await expect.poll(() => option.getByTestId('package-redemption-count').innerText()).toBe('Session 1 of 10 · 9 left after this');
    await shot(page, 'checkout-redeem-dialog-en-1024');
    await option.click();
    await dialog.waitFor({ state: 'detached' });

    // The line is now her session: nothing to pay for it.
    const used = page.locator('[data-testid=ticket-line][data-kind=package_redemption]');
    await used.waitFor();
    await expect.poll(() => used.getByTestId('ticket-line-session').innerText()).toBe('Session 1 of 10 · 9 left after this');
    await expect.poll(() => used.getByTestId('ticket-line-amount').innerText()).toBe('$0.00');
    await expect.poll(() => page.getByTestId('total-total').textContent()).toContain('0.00');
    expect(await page.locator('[data-testid=ticket-line][data-kind=service]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ticket-package-left').innerText()).toContain('10 of 10 sessions left · 1 on this ticket');
    await shot(page, 'checkout-redeem-ticket-en-1024');
    // Its editor: who did it and a note, no price or discount; it could go back to a charged facial.
    await used.getByTestId('ticket-line-edit').click();
    const editor = page.getByTestId('line-editor');
    await editor.getByTestId('line-session').waitFor();
    expect(await editor.getByTestId('line-price').isVisible()).toBe(false);
    await editor.getByTestId('line-charge-instead').waitFor();
    await shot(page, 'checkout-redeem-line-editor-en-1024');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Nothing due: complete.
    await expect.poll(() => page.getByTestId('ticket-pay').isEnabled()).toBe(true);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await expect.poll(() => page.getByTestId('pay-due').textContent()).toContain('0.00');
    await page.getByTestId('pay-complete').click();
    await page.getByTestId('sale-view').waitFor();
    await expect.poll(() => page.getByTestId('sale-line-package').innerText()).toBe('Package session · 10 Facials · 9 of 10 sessions left');
    await page.frameLocator('[data-testid=receipt-frame]').getByText('9 of 10 sessions left').waitFor();
    await shot(page, 'checkout-redeem-sale-en-1024');

    // Her profile: one session less.
    await page.goto(`/clients/${clientId}?tab=packages`);
    const card = page.locator(`[data-testid=package-card]`).first();
    await card.waitFor();
    await expect.poll(() => card.getByTestId('package-remaining').innerText()).toBe('9 sessions left');
    await shot(page, 'checkout-redeem-profile-en-1024');

    // The server: one session, Amy's, on that sale, at $0.
    const sales = await api.call<{ data: { id: string; total: number }[] }>('GET', `/sales?storeId=${api.storeId}&status=completed`);
    expect(sales.data).toHaveLength(1);
    expect(sales.data[0]!.total).toBe(0);
    expect(await sessions()).toMatchObject([{ staffId: amyId, saleId: sales.data[0]!.id, status: 'redeemed' }]);
    expect((await pkg()).sessions).toEqual({ total: 10, used: 1, remaining: 9 });
    await page.context().close();
  });

  it('does not offer a second session for a visit already used in the room, and explains a 409 when the room was faster (简体中文)', async () => {
    const page = await newPage(e2e, { width: 1024, height: 768, locale: 'zh-CN' });
    await signIn(page, 'zh-CN');

    // Amy used session 2 in the room before the ticket was opened: the line says so, and offers no package.
    const first = await visitTicket('10:00');
    await redeemInRoom(first.lineId);
    await page.goto(`/checkout/${first.saleId}`);
    await page.getByTestId('ticket-screen').waitFor();
    const line = page.locator('[data-testid=ticket-line][data-kind=service]');
    const room = line.getByTestId('ticket-line-room-session');
    await expect
      .poll(() => room.innerText())
      .toContain('本次预约已在护理间使用面部护理十次卡的第 2 次（共 10 次）。请删除此项目，以免重复收费。');
    expect(await line.getByTestId('ticket-line-use-package').count()).toBe(0);
    await shot(page, 'checkout-redeem-room-used-zh-CN-1024');
    await room.getByTestId('ticket-line-room-remove').click();
    await page.getByTestId('ticket-empty').waitFor();

    // Another visit: the desk uses a session from her package chip…
    const second = await visitTicket('13:00');
    await page.goto(`/checkout/${second.saleId}`);
    await page.getByTestId('ticket-screen').waitFor();
    await expect.poll(() => page.getByTestId('ticket-package-left').innerText()).toContain('共 10 次，剩 8 次');
    await page.locator(`[data-testid=ticket-package][data-package-id="${pkgId}"]`).click();
    const dialog = page.getByTestId('package-session-dialog');
    await dialog.waitFor();
    await shot(page, 'checkout-redeem-package-dialog-zh-CN-1024');
    await dialog.getByTestId('package-session-line').click();
    const session = page.locator('[data-testid=ticket-line][data-kind=package_redemption]');
    await expect.poll(() => session.getByTestId('ticket-line-session').innerText()).toBe('第 3 次 / 共 10 次 · 用后剩 7 次');

    // …while Amy uses one for the same visit in the room. Completing is refused, in her language, and the
    // line now says why.
    await redeemInRoom(second.lineId);
    await page.getByTestId('ticket-pay').click();
    await page.getByTestId('payment-panel').waitFor();
    await page.getByTestId('pay-complete').click();
    await expect.poll(() => page.getByTestId('pay-error').innerText()).toContain('本次预约的该项目已扣过疗程次数');
    await shot(page, 'checkout-redeem-409-zh-CN-1024');
    await page.getByTestId('pay-back').click();
    await expect.poll(() => session.getByTestId('ticket-line-room-session').innerText()).toContain('此项目会为同一服务再扣一次，请删除。');
    await shot(page, 'checkout-redeem-second-session-zh-CN-1024');

    // Two sessions used in the room, one at the desk before: 7 left, none twice for a visit line.
    expect((await pkg()).sessions).toEqual({ total: 10, used: 3, remaining: 7 });
    const all = await sessions();
    expect(all.filter((s) => s.appointmentLineId === second.lineId)).toHaveLength(1);
    expect(all.filter((s) => s.appointmentLineId === first.lineId)).toHaveLength(1);
    await page.context().close();
  });
});
