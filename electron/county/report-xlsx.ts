import { a4, newWorkbook, styleHeader, workbookBase64 } from '../core/xlsx.js';
import type { progressReport } from './queries.js';

type Report = Awaited<ReturnType<typeof progressReport>>;

const periodName = { jun: '6月底进度', sep: '9月底进度', dec: '12月底年度总结' } as const;

/** The progress report as the county files it: one row per village, its medians beside it, then who has not reported. */
export async function reportWorkbook(r: Report): Promise<{ filename: string; base64: string }> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(`${r.year}年${periodName[r.period]}`);
  ws.addRow([
    '区划代码',
    '村',
    '乡镇',
    '户数',
    '参与户',
    '参与率%',
    '奖励分',
    '扣分',
    '已兑换',
    '户均奖励',
    '镇中位数',
    '县中位数',
    '户均兑换',
    '已报送',
    '数据截至',
  ]);
  styleHeader(ws);
  for (const v of r.villages) {
    ws.addRow([
      v.code,
      v.name,
      v.townName,
      v.households,
      v.participating,
      v.participationPct,
      v.awarded,
      v.deducted,
      v.redeemedGoods + v.redeemedServices,
      v.awardedPerHousehold,
      v.townMedians.awardedPerHousehold,
      r.countyMedians.awardedPerHousehold,
      v.redeemedPerHousehold,
      v.reported ? '是' : '否',
      v.asOf ? v.asOf.slice(0, 16).replace('T', ' ') : '从未报送',
    ]);
  }
  ws.addRow([]);
  ws.addRow(['合计', '', '', r.totals.households, r.totals.participating, '', r.totals.awarded, r.totals.deducted, r.totals.redeemed]);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 15 : i < 3 ? 12 : 10));
  a4(ws, true);
  const missing = wb.addWorksheet('未报送');
  missing.addRow(['区划代码', '村', '数据截至']);
  styleHeader(missing);
  for (const v of r.notReported) missing.addRow([v.code, v.name, v.asOf ? v.asOf.slice(0, 16).replace('T', ' ') : '从未报送']);
  missing.columns.forEach((c) => (c.width = 18));
  return { filename: `进度报告-${r.areaCode}-${r.year}-${r.period}.xlsx`, base64: await workbookBase64(wb) };
}
