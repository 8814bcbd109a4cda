import { z } from 'zod';
import { handler } from '../../handler.js';
import { date, text, year } from '../../validation.js';
import { summary } from './summary.js';
import { summaryWorkbook } from './export.js';

const readers = ['shopkeeper', 'clerk', 'reviewer', 'viewer'] as const;
const period = { year, from: date.optional(), to: date.optional() };

export const reportHandlers = {
  'reports.summary': handler({
    access: readers,
    input: z.strictObject(period),
    run: summary,
  }),
  'reports.export': handler({
    access: readers,
    input: z.strictObject({ ...period, title: text(60).optional() }),
    run: async (ctx, p) => {
      const s = summary(ctx, p);
      const title = p.title || `${s.villageName} ${s.from} 至 ${s.to} 积分工作统计`;
      return { fileName: `${title}.xlsx`, xlsxBase64: await summaryWorkbook(s, title) };
    },
  }),
};
