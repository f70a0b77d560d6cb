import { chromium } from '@playwright/test';
const [url, out, w, h, script] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
await page.goto(url);
await page.evaluate(() => localStorage.clear());
await page.reload();
await page.waitForTimeout(1500);
if (script) { const fn = (await import(script)).default; await fn(page); }
await page.screenshot({ path: out });
await browser.close();
