import type { Ctx } from '../../context.js';
import type { LedgerStatus } from '../../rules/running-totals.js';
import { stmt } from '../../statements.js';
import { a4, newWorkbook, styleHeader, workbookBase64 } from '../../xlsx.js';
import { withGroupKey } from '../households/group-order-sql.js';
import type { HouseholdRow } from '../households/households.js';
import { ledgerRows, type LedgerRow } from './ledger.js';

export const kindText = { award: '加分', deduction: '扣分', reversal: '冲正', redemption: '兑换', void: '兑换作废' } as const;
export const statusText: Record<LedgerStatus, string> = { approved: '已生效', pending: '待审核', rejected: '已驳回', notice: '公示中' };

const detailColumns = [
  { header: '卡号', key: 'cardNo', width: 12 },
  { header: '户主', key: 'headName', width: 10 },
  { header: '村民小组', key: 'group', width: 12 },
  { header: '日期', key: 'date', width: 11 },
  { header: '类型', key: 'kind', width: 8 },
  { header: '类别', key: 'category', width: 10 },
  { header: '事项', key: 'item', width: 28 },
  { header: '成员', key: 'person', width: 8 },
  { header: '加分', key: 'plus', width: 7 },
  { header: '扣分', key: 'minus', width: 7 },
  { header: '兑换', key: 'redeemed', width: 7 },
  { header: '状态', key: 'status', width: 8 },
  { header: '累计积分', key: 'runningScore', width: 9 },
  { header: '可兑换积分', key: 'runningAvailable', width: 10 },
  { header: '单号/备注', key: 'note', width: 30 },
  { header: '经办', key: 'by', width: 10 },
];

/** Points as spreadsheet numbers in the column they belong to, so the sheet's own SUMs agree with ours. */
function detailRow(h: HouseholdRow, r: LedgerRow) {
  const entry = r.kind === 'award' || r.kind === 'deduction' || r.kind === 'reversal';
  return {
    cardNo: h.card_no,
    headName: h.head_name,
    group: h.grp,
    date: r.occurredOn ?? r.at.slice(0, 10),
    kind: kindText[r.kind],
    category: r.category ?? '',
    item: r.ruleName ?? '',
    person: r.personName ?? '',
    plus: entry && r.points > 0 ? r.points : null,
    minus: entry && r.points < 0 ? -r.points : null,
    redeemed: r.kind === 'redemption' ? -r.points : r.kind === 'void' ? -r.points : null,
    status: statusText[r.status],
    runningScore: r.runningScore,
    runningAvailable: r.runningAvailable,
    note: [r.receiptNo, r.reviewReason ? `驳回：${r.reviewReason}` : '', r.note].filter(Boolean).join(' '),
    by: r.recorderName ?? '',
  };
}

/**
 * The 村民台账 for one household or the whole village: a summary sheet (one line a household, the
 * year's totals) and the detail sheet (every row with its running score and running available).
 */
export async function ledgerWorkbook(ctx: Ctx, year: number, householdId?: number): Promise<{ xlsxBase64: string; fileName: string; rows: number }> {
  const households = (
    householdId === undefined
      ? stmt(withGroupKey(ctx.db), 'SELECT * FROM households ORDER BY group_key(grp), card_no').all()
      : stmt(ctx.db, 'SELECT * FROM households WHERE id = ?').all(householdId)
  ) as HouseholdRow[];
  const wb = newWorkbook();
  const summary = wb.addWorksheet('汇总');
  const detail = wb.addWorksheet('台账明细');
  summary.columns = [
    { header: '卡号', key: 'cardNo', width: 12 },
    { header: '户主', key: 'headName', width: 10 },
    { header: '村民小组', key: 'group', width: 12 },
    { header: '加分', key: 'awarded', width: 8 },
    { header: '扣分', key: 'deducted', width: 8 },
    { header: '年度积分', key: 'score', width: 9 },
    { header: '已兑换', key: 'redeemed', width: 8 },
    { header: '可兑换积分', key: 'available', width: 10 },
    { header: '待审核', key: 'pending', width: 8 },
  ];
  detail.columns = detailColumns;
  let rows = 0;
  for (const h of households) {
    const items = ledgerRows(ctx.db, h.id, year, ctx.now, ctx.village.timeZone);
    let awarded = 0;
    let deducted = 0;
    let redeemed = 0;
    let pending = 0;
    for (const r of items) {
      detail.addRow(detailRow(h, r));
      if (r.status === 'pending') pending++;
      if (r.status !== 'approved') continue;
      if (r.kind === 'redemption' || r.kind === 'void') redeemed -= r.points;
      else if (r.points > 0) awarded += r.points;
      else deducted -= r.points;
    }
    rows += items.length;
    const last = items.at(-1);
    summary.addRow({
      cardNo: h.card_no,
      headName: h.head_name,
      group: h.grp,
      awarded,
      deducted,
      score: last?.runningScore ?? 0,
      redeemed,
      available: last?.runningAvailable ?? 0,
      pending,
    });
  }
  for (const ws of [summary, detail]) {
    ws.spliceRows(1, 0, [
      `${ctx.village.name} ${year} 年村民积分台账${households.length === 1 ? ` · ${households[0].head_name}户（${households[0].card_no}）` : ''}`,
    ]);
    ws.mergeCells(1, 1, 1, ws.columns.length);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.getRow(1).height = 22;
    styleHeader(ws, 2);
    a4(ws, true);
    ws.pageSetup.printTitlesRow = '2:2';
  }
  const who = households.length === 1 ? `-${households[0].card_no}${households[0].head_name}` : '';
  return { xlsxBase64: await workbookBase64(wb), fileName: `村民台账-${year}${who}.xlsx`, rows };
}
