import { readFileSync } from 'node:fs';
import type { DB } from '../db/connection.js';
import { pinyinInitials } from '../electron/core/rules/pinyin-initials.js';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const givens = '建华秀兰国强玉梅志刚桂英德明春花海涛丽娟永福金凤长青红霞文斌学军淑珍振东晓燕'.match(/../g)!;

export interface Scale {
  households: number;
  entries: number;
}

/** The secondary indexes of the bulk-loaded tables, so they can be built once after the load (a sort) instead of row by row. */
function secondaryIndexes(db: DB, tables: string[]): { name: string; sql: string }[] {
  return db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(',')})`)
    .all(...tables) as { name: string; sql: string }[];
}

/**
 * Totals kept by triggers on the ledger that are quicker to fill once after the load, with the
 * migration's own backfill statements (report-totals.test.ts checks they give what the triggers do),
 * than row by row: for 10M entries, minutes.
 */
const deferredTotals = [
  {
    migration: '008_report_totals.sql',
    triggers: ['report_totals_review', 'report_totals_reversal'],
    tables: ['report_day_totals', 'report_household_months'],
  },
];

function suspendTotals(db: DB): () => void {
  const suspended = deferredTotals.map((d) => ({
    ...d,
    sql: d.triggers.map((t) => (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(t) as { sql: string }).sql),
  }));
  for (const d of suspended) for (const t of d.triggers) db.exec(`DROP TRIGGER "${t}"`);
  return () => {
    for (const d of suspended) {
      const migration = readFileSync(new URL(`../db/migrations/${d.migration}`, import.meta.url), 'utf8');
      db.transaction(() => {
        for (const table of d.tables) {
          db.exec(`DELETE FROM ${table}`);
          const start = migration.lastIndexOf(`INSERT INTO ${table} (`);
          db.exec(migration.slice(start, migration.indexOf(';', start) + 1));
        }
        for (const sql of d.sql) db.exec(sql);
      })();
    }
  };
}

/**
 * Writes a synthetic village (or county) straight with SQL in big transactions: approved awards and
 * deductions spread over the year, so reads see realistic row counts per household. The schema's
 * indexes are dropped during the load and rebuilt after it, which is what makes 10M entries a
 * matter of minutes; the report totals are filled once at the end the same way (deferredTotals).
 * The result is the same database the app would have built row by row.
 */
export function generate(db: DB, scale: Scale, year: number, userId: number, log: (s: string) => void = () => {}): void {
  const indexes = secondaryIndexes(db, ['households', 'point_entries', 'point_reviews']);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  const resumeTotals = suspendTotals(db);
  const insertH = db.prepare(`INSERT INTO households (card_no, head_name, name_initials, grp, phone, phone_last4, created_at)
    VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')`);
  const insertE = db.prepare(`INSERT INTO point_entries (household_id, rule_id, kind, category, rule_name, points, occurred_on, year, recorded_by, recorded_at)
    VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')`);
  const insertR = db.prepare(`INSERT INTO point_reviews (entry_id, decision, reviewed_by, reviewed_at) VALUES (?, 'approve', ?, '2026-01-01T00:00:00Z')`);
  const initials = new Map<string, string>();
  const dates = Array.from({ length: 330 }, (_, d) => new Date(Date.UTC(year, 0, d + 1)).toISOString().slice(0, 10));
  const batch = 200_000;
  db.transaction(() => {
    for (let i = 0; i < scale.households; i++) {
      const name = `${surnames[i % surnames.length]}${givens[(i * 7 + Math.floor(i / surnames.length)) % givens.length]}`;
      let ini = initials.get(name);
      if (!ini) initials.set(name, (ini = pinyinInitials(name)));
      const phone = `139${String(i).padStart(8, '0')}`;
      insertH.run(`B${String(i + 1).padStart(7, '0')}`, name, ini, `第${(i % 8) + 1}组`, phone, phone.slice(-4));
    }
  })();
  const firstId = (db.prepare('SELECT MIN(id) AS id FROM households').get() as { id: number }).id;
  for (let start = 0; start < scale.entries; start += batch) {
    db.transaction(() => {
      for (let k = start; k < Math.min(scale.entries, start + batch); k++) {
        const h = firstId + (k % scale.households);
        const deduction = k % 17 === 0;
        const { lastInsertRowid } = insertE.run(
          h,
          deduction ? 'deduction' : 'award',
          deduction ? '环境卫生' : '乡风文明',
          deduction ? '乱倒垃圾' : '义务劳动',
          deduction ? -3 : 1 + (k % 10),
          dates[process.env.BENCH_DATES === 'cyclic' ? k % 330 : Math.floor((k * 330) / scale.entries)],
          year,
          userId,
        );
        insertR.run(lastInsertRowid, userId);
      }
    })();
    if ((start / batch) % 10 === 9) log(`  ${((start + batch) / 1e6).toFixed(1)}M entries`);
  }
  for (const i of indexes) db.exec(i.sql);
  resumeTotals();
}
