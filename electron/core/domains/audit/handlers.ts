import { z } from 'zod';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { date, id } from '../../validation.js';
import { a4, newWorkbook, styleHeader, workbookBase64 } from '../../xlsx.js';
import { villageDateTime } from '../../../print/village-time.js';
import { toCsv } from './csv.js';
import { listAudit, type AuditFilter } from './queries.js';

const filter = {
  from: date.optional(),
  to: date.optional(),
  userId: id.optional(),
  method: z
    .string()
    .regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, '方法名格式有误')
    .max(64)
    .optional(),
};

const maxExportRows = 100_000;

function checkRange(p: AuditFilter): void {
  if (p.from && p.to && p.from > p.to)
    throw new AppError('INVALID_INPUT', '开始日期不能晚于结束日期 (from is after to)', { reason: 'date_range_reversed', from: p.from, to: p.to });
}

/** The audit log is read-only for everyone: there is no method that changes or deletes a row (triggers refuse it too). */
export const auditHandlers = {
  'audit.list': handler({
    access: ['admin'],
    input: z.strictObject({ ...filter, limit: z.number().int().min(1).max(5000).optional() }).optional(),
    run(ctx, p) {
      const f = p ?? {};
      checkRange(f);
      return listAudit(ctx.db, f, ctx.village.timeZone, f.limit ?? 500);
    },
  }),
  'audit.export': handler({
    access: ['admin'],
    input: z.strictObject({ ...filter, format: z.enum(['xlsx', 'csv']).optional() }).optional(),
    async run(ctx, p) {
      const f = p ?? {};
      checkRange(f);
      const { items, truncated } = listAudit(ctx.db, f, ctx.village.timeZone, maxExportRows);
      if (truncated)
        throw new AppError('INVALID_INPUT', `超过 ${maxExportRows} 条，请缩小日期范围 (too many rows: narrow the dates)`, {
          reason: 'too_many_rows',
          max: maxExportRows,
        });
      const tz = ctx.village.timeZone;
      const header = ['时间', '用户ID', '用户名', '姓名', '操作', '摘要'];
      const rows = items.map((i) => [villageDateTime(new Date(i.at), tz), i.userId, i.username ?? '', i.userName ?? '', i.method, i.summary]);
      const base = `审计日志_${f.from ?? '开始'}_${f.to ?? ctx.today}`;
      if (f.format === 'csv') return { fileName: `${base}.csv`, count: items.length, csv: toCsv(header, rows) };
      const wb = newWorkbook();
      const ws = wb.addWorksheet('审计日志');
      ws.columns = [{ width: 20 }, { width: 8 }, { width: 12 }, { width: 12 }, { width: 22 }, { width: 80 }];
      ws.addRow(header);
      for (const r of rows) ws.addRow(r);
      styleHeader(ws);
      a4(ws, true);
      return { fileName: `${base}.xlsx`, count: items.length, xlsxBase64: await workbookBase64(wb) };
    },
  }),
};
