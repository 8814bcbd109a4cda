import ExcelJS from 'exceljs';
import { checkChar } from '../../rules/id-number.js';
import { rosterColumns } from '../../rules/roster.js';

/**
 * Builds roster workbooks for tests, the e2e suite and benchmarks: a village of n households in four
 * groups, head plus two members each, with valid ID numbers, as a village office would type it.
 */
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const given = ['建华', '秀兰', '国强', '玉梅', '志刚', '桂英', '德明', '春花', '海涛', '丽娟', '永福', '金凤', '长青', '红霞', '文斌'];

export const fixtureIdNo = (n: number): string => {
  // Birth year from the thousands, sequence from the rest: unique for the first 50,000 people.
  const first17 = `460031${1950 + (Math.floor(n / 1000) % 50)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + checkChar(first17);
};

export type RosterRow = Partial<Record<(typeof rosterColumns)[number]['key'], string | number>>;

export function villageRoster(n: number, opts: { cardPrefix?: string; startAt?: number } = {}): RosterRow[] {
  const rows: RosterRow[] = [];
  for (let i = 0; i < n; i++) {
    const k = (opts.startAt ?? 0) + i;
    // 20 surnames × 15 given names: the first 300 heads are all different, as the grouping by name needs.
    const head = `${surnames[k % surnames.length]}${given[Math.floor(k / surnames.length) % given.length]}${k >= 300 ? k : ''}`;
    const house = {
      cardNo: opts.cardPrefix ? `${opts.cardPrefix}${String(k + 1).padStart(4, '0')}` : '',
      headName: head,
      group: `第${'一二三四'[k % 4]}村民小组`,
      phone: `1390000${String(k).padStart(4, '0')}`,
    };
    rows.push({ ...house, memberName: head, relation: '户主', idNo: fixtureIdNo(k * 3), partyMember: k % 7 === 0 ? '是' : '否' });
    rows.push({ ...house, memberName: `${surnames[(k + 3) % surnames.length]}秀英`, relation: '妻子', idNo: fixtureIdNo(k * 3 + 1), partyMember: '否' });
    rows.push({ ...house, memberName: `${head.slice(0, 1)}小${given[(k + 5) % given.length].slice(1)}`, relation: '子女', idNo: '', partyMember: '否' });
  }
  return rows;
}

export async function rosterXlsx(rows: RosterRow[], opts: { headers?: string[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('农户花名册');
  const headers = opts.headers ?? rosterColumns.map((c) => c.header);
  ws.addRow(headers);
  const keys = rosterColumns.map((c) => c.key);
  for (const r of rows) ws.addRow(keys.map((k) => r[k] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
