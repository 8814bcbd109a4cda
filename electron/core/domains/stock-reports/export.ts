import type { Worksheet } from '../../xlsx.js';
import { a4, newWorkbook, styleHeader, workbookBase64 } from '../../xlsx.js';
import { formatYuan } from '../../rules/money.js';
import type { fundingReport } from './funding.js';
import type { settlement } from './settlement.js';

interface Column {
  header: string;
  width: number;
  money?: boolean;
}

/** A titled sheet: a title line, a subtitle line, then the table; money cells are 元 numbers shown with two decimals. */
function table(ws: Worksheet, title: string, subtitle: string, columns: Column[], rows: (string | number | null)[][]) {
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([subtitle]);
  ws.addRow(columns.map((c) => c.header));
  styleHeader(ws, 3);
  for (const r of rows) {
    const row = ws.addRow(r.map((v, i) => (columns[i].money && typeof v === 'number' ? Number(formatYuan(v)) : v)));
    columns.forEach((c, i) => {
      if (c.money) row.getCell(i + 1).numFmt = '0.00';
    });
  }
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  a4(ws, columns.length > 7);
}

export async function settlementXlsx(village: string, r: ReturnType<typeof settlement>): Promise<string> {
  const wb = newWorkbook();
  const period = `${r.from} 至 ${r.to}`;
  const rate = r.fenPerPoint === null ? '未设置每分折合金额' : `每分折合 ${formatYuan(r.fenPerPoint)} 元`;
  const sub = `${period}　${rate}`;
  table(
    wb.addWorksheet('汇总'),
    `${village} 服务商结算表`,
    sub,
    [
      { header: '服务商', width: 24 },
      { header: '服务次数', width: 12 },
      { header: '积分', width: 12 },
      { header: '金额(元)', width: 14, money: true },
    ],
    [...r.items.map((i) => [i.providerName, i.count, i.points, i.valueFen]), ['合计', r.totals.count, r.totals.points, r.totals.valueFen]],
  );
  table(
    wb.addWorksheet('按服务项目'),
    `${village} 服务商结算明细（按服务项目）`,
    sub,
    [
      { header: '服务商', width: 24 },
      { header: '服务项目', width: 20 },
      { header: '服务次数', width: 12 },
      { header: '积分', width: 12 },
      { header: '金额(元)', width: 14, money: true },
    ],
    r.items.flatMap((i) => i.services.map((s) => [i.providerName, s.name, s.count, s.points, s.valueFen])),
  );
  table(
    wb.addWorksheet('按月'),
    `${village} 服务商结算明细（按月）`,
    sub,
    [
      { header: '服务商', width: 24 },
      { header: '月份', width: 12 },
      { header: '服务次数', width: 12 },
      { header: '积分', width: 12 },
      { header: '金额(元)', width: 14, money: true },
    ],
    r.items.flatMap((i) => i.months.map((m) => [i.providerName, m.month, m.count, m.points, m.valueFen])),
  );
  return workbookBase64(wb);
}

const fundingColumns: Column[] = [
  { header: '入库数量', width: 10 },
  { header: '入库金额(元)', width: 13, money: true },
  { header: '兑出数量', width: 10 },
  { header: '兑出金额(元)', width: 13, money: true },
  { header: '盘亏数量', width: 10 },
  { header: '盘亏金额(元)', width: 13, money: true },
  { header: '结存数量', width: 10 },
  { header: '结存金额(元)', width: 13, money: true },
];
type Totals = {
  receivedQty: number;
  receivedValueFen: number;
  redeemedQty: number;
  redeemedValueFen: number;
  lostQty: number;
  lostValueFen: number;
  onHandQty: number;
  onHandValueFen: number;
};
const figures = (t: Totals) => [t.receivedQty, t.receivedValueFen, t.redeemedQty, t.redeemedValueFen, t.lostQty, t.lostValueFen, t.onHandQty, t.onHandValueFen];

export async function fundingXlsx(village: string, r: ReturnType<typeof fundingReport>): Promise<string> {
  const wb = newWorkbook();
  const sub = `${r.from} 至 ${r.to}　兑出按入库先后（先进先出）归属经费来源；结存为 ${r.to} 日终`;
  table(
    wb.addWorksheet('按经费来源'),
    `${village} 积分超市经费来源统计`,
    sub,
    [{ header: '经费来源', width: 22 }, ...fundingColumns],
    [...r.items.map((i) => [i.label, ...figures(i)]), ['合计', ...figures(r.totals)]],
  );
  table(
    wb.addWorksheet('按捐赠方'),
    `${village} 社会捐赠与联系点单位扶持`,
    sub,
    [{ header: '经费来源', width: 22 }, { header: '捐赠方/单位', width: 24 }, ...fundingColumns],
    r.donors.map((d) => [d.label, d.donor, ...figures(d)]),
  );
  table(
    wb.addWorksheet('明细'),
    `${village} 经费来源明细（按商品）`,
    sub,
    [{ header: '经费来源', width: 22 }, { header: '捐赠方/单位', width: 20 }, { header: '商品', width: 20 }, { header: '单位', width: 6 }, ...fundingColumns],
    r.details.map((d) => [d.label, d.donor ?? '', d.itemName, d.unit, ...figures(d)]),
  );
  return workbookBase64(wb);
}
