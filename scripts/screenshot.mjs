#!/usr/bin/env node
// Screenshots of the web app in headless Chromium, for a quick visual check of screens and sizes.
//
//   node scripts/screenshot.mjs [--base http://127.0.0.1:3000] [--out /tmp/orchid-shots]
//        [--email owner@example.com --password secret] [--lang en|zh-CN|zh-TW]
//        [--sizes 1280x800,1024x768,390x844] [--chromium /usr/bin/chromium] [path ...]
//
// Paths default to the main screens. With --email/--password it signs in through the API first
// (same cookies as a person would get). Each shot is <out>/<lang>-<size>-<path>.png.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: 'http://127.0.0.1:3000' },
    out: { type: 'string', default: '/tmp/orchid-shots' },
    email: { type: 'string' },
    password: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    sizes: { type: 'string', default: '1280x800,1024x768,390x844' },
    chromium: { type: 'string', default: process.env.CHROMIUM ?? '/usr/bin/chromium' },
    'full-page': { type: 'boolean', default: false },
  },
});

const paths = positionals.length ? positionals : ['/', '/staff', '/staff/roles', '/stores', '/audit', '/settings/tokens'];
const sizes = values.sizes.split(',').map((s) => {
  const [width, height] = s.split('x').map(Number);
  if (!width || !height) throw new Error(`bad size "${s}", expected WIDTHxHEIGHT`);
  return { width, height };
});

await mkdir(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
try {
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: values.lang });
    await context.addInitScript((lang) => localStorage.setItem('orchid.language', lang), values.lang);
    const page = await context.newPage();
    await page.goto(values.base, { waitUntil: 'networkidle' });
    if (values.email && values.password) {
      const status = await page.evaluate(
        async ({ email, password }) =>
          (
            await fetch('/api/v1/auth/login', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ email, password }),
            })
          ).status,
        { email: values.email, password: values.password },
      );
      if (status !== 200) throw new Error(`sign-in failed with HTTP ${status}`);
      if (values.lang) {
        // The signed-in user's saved language wins over the device's; align it for this run.
        await page.evaluate(async (language) => {
          const me = await (await fetch('/api/v1/me')).json();
          await fetch('/api/v1/me', {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
            body: JSON.stringify({ language }),
          });
        }, values.lang);
      }
    }
    for (const path of paths) {
      await page.goto(new URL(path, values.base).href, { waitUntil: 'networkidle' });
      await page.waitForTimeout(250);
      const name = `${values.lang}-${size.width}x${size.height}-${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`;
      await page.screenshot({ path: join(values.out, name), fullPage: values['full-page'] });
      console.log(join(values.out, name));
    }
    await context.close();
  }
} finally {
  await browser.close();
}
