import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { CounterGuardPage, NoticeSettingsPage, RejectedInboxPage } from './pages/CounterGuardPage.js';
import { LoginPage } from './pages/LoginPage.js';
import type { E2EServer } from './support/server.js';

// Issue 12: a counter that prevents mistakes, and points that explain themselves.

const CUP = '6920000000094'; // 保温杯, stock 0 in the demo
const OIL = '6920000000018'; // 食用油, more than 张三丰 can afford twice
const LIMITED = '6920000012012';

/** A goods item limited to 1 a household a year, and a service two providers deliver. */
async function setUp(server: E2EServer) {
  const [admin, shop] = [await server.login('admin'), await server.login('shop')];
  const limited = await server.ok(
    'catalog.save',
    { kind: 'goods', name: '限购香油', unit: '瓶', points: 5, barcode: LIMITED, limitPerHouseholdPerYear: 1 },
    shop,
  );
  await server.ok('stock.receive', { itemId: limited.id, qty: 5, fundingSource: 'fiscal' }, shop);
  await server.ok('users.create', { username: 'plumber', name: '周师傅', pin: '592837', roles: ['provider'] }, admin);
  const providers = (await server.ok('catalog.providers', {}, shop)).items as { id: number; name: string }[];
  const service = await server.ok(
    'catalog.save',
    { kind: 'service', name: '管道疏通E2E', unit: '次', points: 6, providerIds: providers.map((p) => p.id) },
    shop,
  );
  return { admin, shop, limited, service, providers };
}

async function signIn(page: Page, user: string, pin: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.login(user, pin);
}

test('refused at the scan with the figure; 兑换 says why it is disabled; the provider is asked; F8 on a bulk day', async ({ page, server, demo }) => {
  const { admin, service, providers } = await setUp(server);
  const zhang = await demo.householdByCard('66010001');
  const before = await demo.account(zhang.id);
  await signIn(page, 'shop', '111111');
  const counter = new CounterGuardPage(page);

  // Nothing at the counter yet: the button says what is missing.
  await expect(counter.redeemButton).toBeDisabled();
  await expect(counter.redeemReason).toHaveText('请先刷卡');
  await counter.loadHousehold('66010001', '张三丰');
  await expect(counter.redeemReason).toHaveText('购物车是空的');

  await counter.expectScanRefused(CUP, /库存不足：只有 0/, 0);
  await counter.scan(LIMITED);
  await expect(counter.cartLines).toHaveCount(1);
  await counter.expectScanRefused(LIMITED, /每户每年限 1瓶/, 1);
  await counter.scan(OIL);
  await expect(counter.cartLines).toHaveCount(2);
  await counter.expectScanRefused(OIL, /积分不足：可兑换 \d+ 分，需要 \d+ 分，还差 \d+ 分/, 2);
  await expect(counter.redeemReason).toHaveCount(0);
  await expect(counter.redeemButton).toBeEnabled();
  // Take the oil back out (Del on the selected line): the service then fits.
  await page.keyboard.press('Delete');
  await expect(counter.cartLines).toHaveCount(1);

  // A service with two providers: the counter asks which one; a digit picks.
  await page.locator(`[data-testid="service-button"][data-item-id="${service.id}"]`).click();
  await expect(counter.providerDialog).toBeVisible();
  await expect(counter.providerOptions).toHaveCount(providers.length);
  const second = (await counter.providerOptions.nth(1).innerText()).replace(/^\s*2\s*/, '').trim();
  await page.keyboard.press('2');
  await expect(counter.providerDialog).toBeHidden();
  await expect(counter.cartLine(service.id).getByTestId('cart-line-provider')).toHaveText(second);
  await expect(counter.scanInput).toBeFocused();
  await counter.pressEnterToRedeem();
  await expect(counter.lastReceiptNo).toBeVisible();
  const [r] = await demo.redemptions();
  expect(r.totalPoints).toBeGreaterThan(0);
  expect((await demo.account(zhang.id)).available).toBe(before.available - r.totalPoints);
  const settled = await server.ok('reports.settlement', { from: await demo.today(), to: await demo.today() }, admin).catch(() => null);
  if (settled) expect(JSON.stringify(settled)).toContain(second);

  // A bulk day: the counter shows the hint, and F8 goes to the fast lane.
  await expect(counter.bulkDayHint).toHaveCount(0);
  await server.ok('calendar.set', { mode: 'any', trial: { start: await demo.today() } }, admin);
  await page.reload();
  await expect(counter.bulkDayHint).toContainText('F8');
  await expect(counter.scanInput).toBeFocused();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('bulk-scan')).toBeVisible();
});

test('公示中: a notice period is previewed and confirmed, then shown at the counter and in the ledger', async ({ page, server, demo }) => {
  await signIn(page, 'admin', '123456');
  const settings = new NoticeSettingsPage(page);
  await settings.open();
  await settings.setNoticeDays(7);
  await expect(settings.preview).toHaveAttribute('data-direction', 'into_notice');
  await expect(settings.preview).toContainText(/将有 \d+ 户、共 [\d,]+ 分/);
  // Nothing changed until it is confirmed.
  expect((await server.ok('office.settings.get', {}, await server.login('admin'))).noticeDays).toBe(0);
  await page.getByTestId('notice-confirm-ok').click();
  await expect.poll(async () => (await server.ok('office.settings.get', {}, await server.login('admin'))).noticeDays).toBe(7);

  const zhang = await demo.householdByCard('66010001');
  const got = await server.ok('households.get', { id: zhang.id }, await server.login('shop'));
  expect(got.notice.points).toBeGreaterThan(0);
  await page.getByTestId('logout').click();
  await signIn(page, 'shop', '111111');
  const counter = new CounterGuardPage(page);
  await counter.loadHousehold('66010001', '张三丰');
  await expect(counter.notice).toContainText(`公示中 ${got.notice.points.toLocaleString('en-US')} 分`);
  await expect(counter.noticeDate).toContainText(got.notice.countsOn);
  await page.getByTestId('logout').click();
  await signIn(page, 'clerk', '222222');
  await page.goto(`/#/ledger?h=${zhang.id}`);
  await expect(page.getByTestId('ledger-notice')).toContainText('公示中');
});

test('the clerk’s 驳回待改 inbox: the reviewer’s reason, then a corrected NEW entry', async ({ page, server, demo }) => {
  const [admin, clerk, review] = [await server.login('admin'), await server.login('clerk'), await server.login('review')];
  const zhang = await demo.householdByCard('66010001');
  const rule = await server.ok('rules.save', { category: '乡风文明', name: 'e2e驳回测试', kind: 'award', minPoints: 1, maxPoints: 20 }, admin);
  const { entries } = await server.ok('points.record', { householdIds: [zhang.id], ruleId: rule.id, points: 15, occurredOn: await demo.today() }, clerk);
  await server.ok('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '分值偏高，请按条例改为 5 分' }, review);

  await signIn(page, 'clerk', '222222');
  // The clerk is told without looking: the menu item carries the count.
  await expect(page.getByTestId('rejected-badge')).toContainText('1');
  const inbox = new RejectedInboxPage(page);
  await inbox.open();
  await expect(inbox.row(entries[0].id).getByTestId('rejected-reason')).toHaveText('分值偏高，请按条例改为 5 分');
  await inbox.resubmit(entries[0].id, 5, '已按条例改正');
  await expect(page.getByTestId('rejected-badge')).toHaveCount(0);
  const queue = (await server.ok('points.pending', {}, review)).items as { points: number; resubmitsId: number; note: string }[];
  expect(queue.find((q) => q.resubmitsId === entries[0].id)).toMatchObject({ points: 5, note: '已按条例改正' });
  // Resubmitting the same rejected entry again is refused by reason.
  const again = await server.call('points.resubmit', { entryId: entries[0].id }, clerk);
  expect(again.body.error).toMatchObject({ code: 'CONFLICT', reason: 'already_resubmitted' });
});

// ---------------------------------------------------------------- screenshots (zh and en, two screens)

const viewports = [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '1093x614@1.25', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];

async function shotsFor(
  browser: Browser,
  server: E2EServer,
  lang: 'zh' | 'en',
  v: (typeof viewports)[number],
  dir: string,
  ids: { entryId: number; h: number },
) {
  const ctx = await browser.newContext({ baseURL: server.url, viewport: v.viewport, deviceScaleFactor: v.deviceScaleFactor, locale: 'zh-CN' });
  await ctx.addInitScript((l) => localStorage.setItem('pos.lang', l), lang);
  const page = await ctx.newPage();
  const shot = (name: string) => page.screenshot({ path: `${dir}/${name}-${lang}-${v.name}.png` });
  try {
    await signIn(page, 'shop', '111111');
    const counter = new CounterGuardPage(page);
    await counter.loadHousehold('66010001', '张三丰');
    await counter.scan(LIMITED);
    await counter.scan(LIMITED);
    await expect(counter.errorBanner).toBeVisible();
    await expect(counter.notice).toBeVisible();
    await shot('counter-refusal');
    await page.keyboard.press('Escape');
    await counter.loadHousehold('66010001', '张三丰');
    await page.getByTestId('service-button').filter({ hasText: '管道疏通E2E' }).click();
    await expect(counter.providerOptions.first()).toBeVisible();
    await page.waitForTimeout(500); // the dialog's opening animation
    await shot('counter-provider');
    await page.keyboard.press('Escape');
    await page.getByTestId('logout').click();

    await signIn(page, 'clerk', '222222');
    await page.getByTestId('nav-rejected').click();
    await expect(page.getByTestId('rejected-row')).toHaveCount(1);
    await shot('rejected-inbox');
    await page.goto(`/#/ledger?h=${ids.h}`);
    await expect(page.getByTestId('ledger-notice')).toBeVisible();
    await shot('ledger-notice');
    await page.getByTestId('nav-households').click();
    await expect(page.getByTestId('household-notice').first()).toBeVisible();
    await shot('households-notice');
    await page.getByTestId('logout').click();

    await signIn(page, 'admin', '123456');
    const settings = new NoticeSettingsPage(page);
    await settings.open();
    await settings.setNoticeDays(14);
    await page.waitForTimeout(500);
    await shot('settings-notice-confirm');
    await page.getByTestId('notice-confirm-cancel').click();
  } finally {
    await ctx.close();
  }
}

test('screenshots at 1024×768 and 1093×614 (×1.25), zh and en', async ({ browser, server, demo }, testInfo) => {
  test.setTimeout(180_000);
  const { admin } = await setUp(server);
  const [clerk, review] = [await server.login('clerk'), await server.login('review')];
  const zhang = await demo.householdByCard('66010001');
  const rule = await server.ok('rules.save', { category: '乡风文明', name: '清理门前卫生死角', kind: 'award', minPoints: 1, maxPoints: 20 }, admin);
  const { entries } = await server.ok('points.record', { householdIds: [zhang.id], ruleId: rule.id, points: 15, occurredOn: await demo.today() }, clerk);
  await server.ok('points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '照片看不清，请补拍后重新提交' }, review);
  await server.ok('office.settings.set', { noticeDays: 7 }, admin);
  // Eight days on, the demo's approvals count; a fresh award is still 公示中.
  const later = new Date(Date.parse(`${await demo.today()}T10:00:00+08:00`) + 8 * 86_400_000).toISOString();
  await server.ok('clock.set', { now: later });
  const award = await server.ok(
    'points.record',
    { householdIds: [zhang.id], ruleId: rule.id, points: 12, occurredOn: later.slice(0, 10) },
    await server.login('clerk'),
  );
  await server.ok('points.review', { entryIds: [award.entries[0].id], decision: 'approve' }, await server.login('review'));
  const dir = testInfo.outputPath('shots');
  for (const lang of ['zh', 'en'] as const) for (const v of viewports) await shotsFor(browser, server, lang, v, dir, { entryId: entries[0].id, h: zhang.id });
});
