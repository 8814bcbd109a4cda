import { z } from 'zod';
import { handler } from '../../handler.js';
import { putSetting } from '../../settings.js';
import { empty, year, noteText, requiredNoteText } from '../../validation.js';
import type { Quarter } from '../../rules/period.js';
import { rankedWorkbook } from '../reports/export.js';
import { boardSettings, computeBoard, history, inForce, latestInForce, publish, withdraw } from './boards.js';

const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const boardHandlers = {
  /** The board as the ledger has it now, and the publication of that quarter that is up, if any. */
  'boards.quarter': handler({
    access: 'any',
    input: z.strictObject({ year, quarter }),
    run: (ctx, p) => ({ ...computeBoard(ctx, p.year, p.quarter as Quarter), publication: inForce(ctx.db, p.year, p.quarter as Quarter) }),
  }),
  'boards.publish': handler({
    access: ['reviewer'],
    write: true,
    input: z.strictObject({ year, quarter, note: noteText(200).optional() }),
    run: (ctx, p) => publish(ctx, p.year, p.quarter as Quarter, p.note),
    audit: (p, r) => `发布 ${p.year}年第${p.quarter}季度红黑榜 (红榜 ${r.board?.red.length ?? 0} 户, 黑榜 ${r.board?.black.length ?? 0} 户)`,
  }),
  'boards.withdraw': handler({
    access: ['reviewer'],
    write: true,
    input: z.strictObject({ year, quarter, reason: requiredNoteText(200) }),
    run: (ctx, p) => withdraw(ctx, p.year, p.quarter as Quarter, p.reason),
    audit: (p) => `撤榜 ${p.year}年第${p.quarter}季度: ${p.reason}`,
  }),
  // Publication is public by nature: anyone signed in (the shopkeeper at the TV too) may see what was published.
  'boards.history': handler({
    access: 'any',
    input: z.strictObject({ year: year.optional(), quarter: quarter.optional() }).optional(),
    run: (ctx, p) => ({ items: history(ctx.db, p?.year, p?.quarter as Quarter | undefined) }),
  }),
  /** The board that is up: of one quarter, or without params the newest of all (the TV display). */
  'boards.published': handler({
    access: 'any',
    input: z
      .strictObject({ year: year.optional(), quarter: quarter.optional() })
      .refine((p) => (p.year === undefined) === (p.quarter === undefined), '年份和季度须同时给出')
      .optional(),
    run: (ctx, p) => (p?.year !== undefined && p.quarter !== undefined ? inForce(ctx.db, p.year, p.quarter as Quarter) : latestInForce(ctx.db)),
  }),
  /** The board that is up if there is one, else the board as it stands (marked 未发布 in the file). */
  'boards.export': handler({
    access: 'any',
    input: z.strictObject({ year, quarter }),
    run: async (ctx, p) => {
      const published = inForce(ctx.db, p.year, p.quarter as Quarter);
      const board = published?.board ?? computeBoard(ctx, p.year, p.quarter as Quarter);
      const title = `${ctx.village.name}${p.year}年第${p.quarter}季度红黑榜${published ? '' : '（未发布）'}`;
      const sub = `${board.basis === 'ytd' ? '年初至季末累计' : '本季度'}积分　${board.from} 至 ${board.to}`;
      return {
        fileName: `${title}.xlsx`,
        xlsxBase64: await rankedWorkbook(title, sub, [
          { name: '红榜', rows: board.red },
          { name: '黑榜', rows: board.black },
        ]),
      };
    },
  }),
  'boards.settings': handler({
    access: 'any',
    input: empty,
    run: (ctx) => boardSettings(ctx.db),
  }),
  'boards.configure': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ basis: z.enum(['quarter', 'ytd']) }),
    run: (ctx, p) => {
      putSetting(ctx.db, 'boards', { ...boardSettings(ctx.db), basis: p.basis });
      return boardSettings(ctx.db);
    },
    audit: (p) => `红黑榜统计口径: ${p.basis === 'ytd' ? '年初至今' : '本季度'}`,
  }),
};
