// npm run bench:ui: the time a person waits at the counter, from the scanner's Enter to the household on
// screen, in Debian's Chromium against the real server (demo village). The UI must be built first.
import { chromium } from '@playwright/test';
import { startServer } from '../e2e/support/server.js';

// A string, not a function: tsx would wrap a function with helpers the page does not have.
const measureScript = (expected: string) => `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="scan-input"]');
  const t0 = performance.now();
  const poll = () => {
    const shown = document.querySelector('[data-testid="household-card"]')?.textContent ?? '';
    if (shown.includes(${JSON.stringify(expected)})) resolve(performance.now() - t0);
    else requestAnimationFrame(poll);
  };
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true }));
  requestAnimationFrame(poll);
})`;

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 60;

const server = await startServer({ demo: true, testClock: false });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.getByTestId('login-username').fill('shop');
  await page.getByTestId('login-pin').fill('111111');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('scan-input').waitFor();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const card = `6601${String((i % 40) + 1).padStart(4, '0')}`;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.type(card);
    // Timed inside the page: from the Enter keydown to the frame that shows this card.
    const ms = (await page.evaluate(measureScript(card))) as number;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log('| measure | n | p50 ms | p95 ms | max ms |');
  console.log('|---|---|---|---|---|');
  console.log(`| scan card → household on screen | ${times.length} | ${at(0.5)} | ${at(0.95)} | ${times[times.length - 1].toFixed(1)} |`);
} finally {
  await browser.close();
  await server.stop();
}
