import type { E2EServer } from './support/server.js';
import { expect, test } from './fixtures.js';
import { LoginPage } from './pages/LoginPage.js';

// Crafted 2027 data (the demo village's points are in the current year): Q3 with three households
// tied at rank 10, a deduction for the black board, and a pending entry that must not count.
const Y = 2027;

async function craftQuarter(server: E2EServer) {
  await server.ok('clock.set', { now: `${Y}-10-08T09:00:00+08:00` });
  const [clerk, review, admin] = [await server.login('clerk'), await server.login('review'), await server.login('admin')];
  const award = await server.ok('rules.save', { category: '乡风文明', name: 'e2e好人好事', kind: 'award', minPoints: 1, maxPoints: 1000 }, admin);
  const deduction = await server.ok('rules.save', { category: '环境卫生', name: 'e2e乱堆乱放', kind: 'deduction', minPoints: 1, maxPoints: 1000 }, admin);
  const names = ['王建国', '李秀英', '张伟', '刘芳', '陈军', '杨丽', '赵强', '黄敏', '周杰', '吴霞', '徐磊', '孙燕', '马超', '胡斌', '郭静'];
  const scores = [120, 110, 100, 90, 85, 80, 70, 65, 60, 50, 50, 50, 45, -15, -30];
  const approve: number[] = [];
  for (const [i, headName] of names.entries()) {
    const h = await server.ok('households.create', { headName, group: `第${(i % 4) + 1}组` }, clerk);
    const pts = scores[i];
    const { entries } = await server.ok(
      'points.record',
      {
        householdIds: [h.id],
        ruleId: pts > 0 ? award.id : deduction.id,
        points: Math.abs(pts),
        occurredOn: `${Y}-0${7 + (i % 3)}-${String(10 + i).padStart(2, '0')}`,
      },
      clerk,
    );
    approve.push(entries[0].id);
    if (headName === '马超') {
      await server.ok('points.record', { householdIds: [h.id], ruleId: award.id, points: 500, occurredOn: `${Y}-09-01` }, clerk); // stays pending
    }
  }
  await server.ok('points.review', { entryIds: approve, decision: 'approve' }, review);
  return { review };
}

test.describe('红黑榜', () => {
  test('publish and withdraw from the boards page, with history', async ({ page, server }, testInfo) => {
    await craftQuarter(server);
    const login = new LoginPage(page);
    await login.goto();
    await login.login('review', '333333');
    await page.goto(`${server.url}/#/boards`);
    await page.getByTestId('board-quarter').getByText('第三季度').click();
    await expect(page.getByTestId('red-row')).toHaveCount(12);
    await expect(page.getByTestId('black-row')).toHaveCount(2);
    await expect(page.getByTestId('red-row').nth(11)).toContainText('10');
    await expect(page.getByTestId('red-row').filter({ hasText: '马超' })).toHaveCount(0);
    await expect(page.getByTestId('board-status')).toContainText('未发布');
    await page.screenshot({ path: testInfo.outputPath('boards-page.png'), fullPage: true });

    await page.getByTestId('board-publish').click();
    await page.getByTestId('publish-note').fill('第三季度红黑榜');
    await page.getByTestId('publish-ok').click();
    await expect(page.getByTestId('board-status')).toContainText('已发布');
    await page.getByTestId('board-withdraw').click();
    await page.getByTestId('withdraw-reason').fill('名单有误，核实后重发');
    await page.getByTestId('withdraw-ok').click();
    await expect(page.getByTestId('board-status')).toContainText('已撤榜');
    await expect(page.getByTestId('board-history').locator('tbody tr')).toHaveCount(2);
    await expect(page.getByTestId('board-history')).toContainText('名单有误，核实后重发');
    await page.getByTestId('board-publish').click();
    await page.getByTestId('publish-ok').click();
    await expect(page.getByTestId('board-status')).toContainText('已发布');
    await expect(page.getByTestId('board-history').locator('tbody tr')).toHaveCount(3);
  });

  test('the A4 poster and the TV display (screenshots)', async ({ page, server }, testInfo) => {
    const { review } = await craftQuarter(server);
    await server.ok('boards.publish', { year: Y, quarter: 3 }, review);
    const login = new LoginPage(page);
    await login.goto();
    await login.login('shop', '111111');

    await page.setViewportSize({ width: 900, height: 1300 });
    await page.goto(`${server.url}/#/board-poster?year=${Y}&quarter=3`);
    const sheet = page.getByTestId('board-poster-sheet');
    await expect(sheet).toContainText(`${Y}年第三季度红黑榜`);
    await expect(page.getByTestId('poster-red-row')).toHaveCount(12);
    await expect(page.getByTestId('poster-black-row')).toHaveCount(2);
    await expect(sheet).not.toContainText('草稿');
    await expect(page.getByTestId('logout')).toHaveCount(0); // a bare print page: no app header
    await sheet.screenshot({ path: testInfo.outputPath('board-poster.png') });
    // What the print dialog turns into a PDF: A4, the poster alone.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('poster-print')).toBeHidden();
    await expect(page.locator('#print-root [class="poster"]')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('board-poster-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1); // one A4 sheet
    await page.emulateMedia({ media: 'screen' });

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/#/board-display?interval=0`);
    const tv = page.getByTestId('tv');
    await expect(tv).toHaveAttribute('data-slide', 'red');
    await expect(page.getByTestId('tv-title')).toHaveText('红榜');
    await expect(page.getByTestId('tv-row')).toHaveCount(10);
    await page.screenshot({ path: testInfo.outputPath('tv-red-1.png') });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('tv-row')).toHaveCount(2); // the 11th and 12th households, tied at rank 10
    await expect(page.getByTestId('tv-row').first()).toContainText('10');
    await page.keyboard.press('ArrowRight');
    await expect(tv).toHaveAttribute('data-slide', 'black');
    await expect(page.getByTestId('tv-title')).toHaveText('黑榜');
    await expect(page.getByTestId('tv-row').first()).toContainText('郭静');
    await page.screenshot({ path: testInfo.outputPath('tv-black.png') });

    // It rotates on its own.
    await page.goto(`${server.url}/#/board-display?interval=1`);
    await expect(page.getByTestId('tv')).toHaveAttribute('data-slide', 'black', { timeout: 5000 });
  });

  test('the TV shows nothing unpublished', async ({ page, server }) => {
    await craftQuarter(server);
    const login = new LoginPage(page);
    await login.goto();
    await login.login('shop', '111111');
    await page.goto(`${server.url}/#/board-display`);
    await expect(page.getByTestId('tv-nothing')).toBeVisible();
    await expect(page.getByTestId('tv-row')).toHaveCount(0);
  });
});

test.describe('评优候选 and 统计报表', () => {
  test('candidates rank with ties; a decision is recorded; reports show charts and export', async ({ page, server }, testInfo) => {
    await craftQuarter(server);
    const login = new LoginPage(page);
    await login.goto();
    await login.login('review', '333333');
    await page.goto(`${server.url}/#/awards`);
    await expect(page.getByTestId('awards-year')).toContainText(`${Y}`); // the village's year today
    const rows = page.getByTestId('awards-table').locator('tbody tr');
    await expect(rows).toHaveCount(13);
    await expect(rows.first()).toContainText('王建国');
    await rows.first().getByTestId('award-decide').click();
    await page.getByTestId('decide-ok').click();
    await expect(rows.first()).toContainText('评上');
    await expect(page.locator('.ant-modal-wrap')).toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('awards.png'), fullPage: true });

    await page.goto(`${server.url}/#/reports`);
    await expect(page.getByTestId('report-year')).toContainText(`${Y}`);
    await page.getByTestId('report-preset').getByText('进展报告（截至9月底）').click();
    await expect(page.getByTestId('report-title')).toContainText(`${Y}年前三季度积分制工作进展报告（截至9月底）`);
    await expect(page.getByTestId('kpi-awarded')).toContainText('975');
    await expect(page.getByTestId('chart-category').locator('svg')).toBeVisible();
    await expect(page.getByTestId('chart-month').locator('svg')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('reports.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    expect((await download).suggestedFilename()).toMatch(/截至9月底.*\.xlsx$/);
    await page.getByTestId('report-print').click();
    await expect(page.getByTestId('report-sheet')).toContainText('积分分类统计');
    await expect(page.getByTestId('report-sheet').locator('svg').first()).toBeVisible();
  });
});
