import type { Worksheet } from '../../xlsx.js';
import { a4, newWorkbook, styleHeader, workbookBase64 } from '../../xlsx.js';
import type { Summary } from './summary.js';

type Cell = string | number;

/** A titled table on its own sheet: title row, period row, header, rows, frozen below the header. */
function table(ws: Worksheet, title: string, subtitle: string, headers: string[], rows: Cell[][], widths: number[]): void {
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, headers.length);
  ws.addRow([subtitle]);
  ws.mergeCells(2, 1, 2, headers.length);
  ws.addRow(headers);
  styleHeader(ws, 3);
  for (const r of rows) ws.addRow(r);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  a4(ws);
}

const yuan = (fen: number) => Math.round(fen) / 100;

export async function summaryWorkbook(s: Summary, title: string): Promise<string> {
  const wb = newWorkbook();
  const sub = `${s.villageName}　统计区间：${s.from} 至 ${s.to}`;
  const rate = s.participation.households ? `${((s.participation.withPoints / s.participation.households) * 100).toFixed(1)}%` : '—';
  table(
    wb.addWorksheet('概况'),
    title,
    sub,
    ['项目', '数值'],
    [
      ['奖励积分', s.points.awarded],
      ['扣减积分', s.points.deducted],
      ['净积分', s.points.net],
      ['参与农户（有审核通过的积分记录）', s.participation.withPoints],
      ['农户总数', s.participation.households],
      ['参与率', rate],
      ['兑换笔数', s.redemptions.count],
      ['兑换积分', s.redemptions.points],
      ['兑换农户数', s.redemptions.households],
    ],
    [36, 16],
  );
  table(
    wb.addWorksheet('积分分类'),
    `${title}：积分分类统计`,
    sub,
    ['类别', '奖励积分', '扣减积分', '净积分', '记录条数', '涉及农户'],
    s.points.byCategory.map((c) => [c.category, c.awarded, c.deducted, c.net, c.entries, c.households]),
    [18, 12, 12, 12, 12, 12],
  );
  table(
    wb.addWorksheet('兑换统计'),
    `${title}：兑换商品与服务`,
    sub,
    ['类型', '名称', '数量', '单位', '积分', '笔数', '农户数'],
    [...s.redemptions.byItem, ...s.redemptions.byService].map((i) => [
      i.kind === 'goods' ? '商品' : '服务',
      i.name,
      i.qty,
      i.unit,
      i.points,
      i.redemptions,
      i.households,
    ]),
    [8, 24, 10, 8, 12, 10, 10],
  );
  table(
    wb.addWorksheet('库存'),
    `${title}：库存`,
    sub,
    ['商品', '单位', '入库', '兑出', '作废退回', '盘点调整', '期末库存'],
    s.stock.items.map((i) => [i.name, i.unit, i.received, i.redeemed, i.returned, i.adjusted, i.onHand]),
    [24, 8, 10, 10, 10, 10, 10],
  );
  table(
    wb.addWorksheet('经费来源'),
    `${title}：经费来源（先进先出）`,
    sub,
    ['经费来源', '入库数量', '入库金额（元）', '兑出数量', '兑出金额（元）', '结存数量', '结存金额（元）'],
    s.stock.funding.items.map((f) => [
      f.label,
      f.receivedQty,
      yuan(f.receivedValueFen),
      f.redeemedQty,
      yuan(f.redeemedValueFen),
      f.onHandQty,
      yuan(f.onHandValueFen),
    ]),
    [24, 10, 14, 10, 14, 10, 14],
  );
  table(
    wb.addWorksheet('服务商结算'),
    `${title}：服务商结算`,
    sub,
    ['服务商', '服务次数', '积分', '折合金额（元）'],
    s.providers.items.map((p) => [p.providerName, p.count, p.points, p.valueFen === null ? '' : yuan(p.valueFen)]),
    [20, 12, 12, 14],
  );
  table(
    wb.addWorksheet('月度'),
    `${title}：按月`,
    sub,
    ['月份', '奖励积分', '扣减积分', '兑换积分'],
    s.months.map((m) => [m.month, m.awarded, m.deducted, m.redeemed]),
    [12, 12, 12, 12],
  );
  return workbookBase64(wb);
}

export interface RankedRow {
  rank: number;
  headName: string;
  cardNo?: string;
  group?: string;
  personName?: string;
  score: number;
  extra?: Cell[];
}

/** One ranked list per sheet: the boards (红榜, 黑榜) and the award candidate lists. */
export async function rankedWorkbook(
  title: string,
  subtitle: string,
  sheets: { name: string; person?: boolean; extraHeaders?: string[]; rows: RankedRow[] }[],
): Promise<string> {
  const wb = newWorkbook();
  for (const sh of sheets) {
    const headers = ['名次', ...(sh.person ? ['姓名'] : []), '户主', '卡号', '组', '积分', ...(sh.extraHeaders ?? [])];
    table(
      wb.addWorksheet(sh.name),
      `${title}：${sh.name}`,
      subtitle,
      headers,
      sh.rows.map((r) => [r.rank, ...(sh.person ? [r.personName ?? ''] : []), r.headName, r.cardNo ?? '', r.group ?? '', r.score, ...(r.extra ?? [])]),
      headers.map((h) => (h === '户主' || h === '姓名' ? 14 : h === '卡号' ? 14 : 10)),
    );
  }
  return workbookBase64(wb);
}
