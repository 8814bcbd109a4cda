import { z } from 'zod';
import { handler } from '../../handler.js';
import { stmt } from '../../statements.js';
import { date } from '../../validation.js';
import { fundingXlsx, settlementXlsx } from './export.js';
import { fundingReport } from './funding.js';
import { getPointValue, setPointValue } from './point-value.js';
import { providerLog, settlement } from './settlement.js';

const period = z.strictObject({ from: date, to: date }).refine((p) => p.from <= p.to, '开始日期不能晚于结束日期');
const reportReaders = ['shopkeeper', 'viewer'] as const;

export const stockReportHandlers = {
  'reports.settlement': handler({
    access: reportReaders,
    input: period,
    run: settlement,
  }),
  'reports.settlementExport': handler({
    access: reportReaders,
    input: period,
    run: (ctx, p) => settlementXlsx(ctx.village.name, settlement(ctx, p)).then((xlsxBase64) => ({ xlsxBase64, fileName: `服务商结算_${p.from}_${p.to}.xlsx` })),
  }),
  'reports.funding': handler({
    access: reportReaders,
    input: period,
    run: fundingReport,
  }),
  'reports.fundingExport': handler({
    access: reportReaders,
    input: period,
    run: (ctx, p) => fundingXlsx(ctx.village.name, fundingReport(ctx, p)).then((xlsxBase64) => ({ xlsxBase64, fileName: `经费来源_${p.from}_${p.to}.xlsx` })),
  }),
  'reports.pointValue': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => getPointValue(ctx.db),
  }),
  'reports.setPointValue': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ fenPerPoint: z.number().int('以分为单位，必须是整数').min(0).max(100_000).nullable() }),
    run(ctx, p) {
      setPointValue(ctx.db, { fenPerPoint: p.fenPerPoint });
      ctx.emit('settings.pointValue', { fenPerPoint: p.fenPerPoint });
      return getPointValue(ctx.db);
    },
    audit: (p) => `设置服务结算每分折合 ${p.fenPerPoint === null ? '（不折算）' : `${p.fenPerPoint} 分钱`}`,
  }),
  'services.mine': handler({
    access: ['provider'],
    input: z.strictObject({ from: date.optional(), to: date.optional(), limit: z.number().int().min(1).max(500).optional() }).optional(),
    run: (ctx, p) => {
      const from = p?.from ?? `${ctx.today.slice(0, 7)}-01`;
      return { from, to: p?.to ?? ctx.today, ...providerLog(ctx, ctx.me.id, { from, to: p?.to ?? ctx.today, limit: p?.limit ?? 50 }) };
    },
  }),
  'catalog.providers': handler({
    access: ['shopkeeper'],
    input: z.strictObject({}).optional(),
    run: (ctx) => ({
      items: stmt(
        ctx.db,
        `SELECT id, username, name FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'provider') ORDER BY name`,
      ).all() as { id: number; username: string; name: string }[],
    }),
  }),
};
