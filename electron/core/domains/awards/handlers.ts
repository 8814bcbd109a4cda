import { z } from 'zod';
import { handler } from '../../handler.js';
import { id, year, noteText } from '../../validation.js';
import { awardKinds, awardNames } from '../../rules/award-candidates.js';
import { awardSubject } from '../../rules/award-candidates.js';
import { rankedWorkbook } from '../reports/export.js';
import { candidates, decide, decisions } from './awards.js';

const award = z.enum(awardKinds);

export const awardHandlers = {
  'awards.candidates': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ award, year, maxRank: z.number().int().min(1).max(1000).optional() }),
    run: (ctx, p) => candidates(ctx, p.award, p.year, p.maxRank),
  }),
  'awards.decide': handler({
    access: ['reviewer'],
    write: true,
    input: z.strictObject({
      award,
      year,
      householdId: id,
      personId: id.optional(),
      decision: z.enum(['awarded', 'not_awarded']),
      note: noteText(200).optional(),
    }),
    run: decide,
    audit: (p) =>
      `评优 ${p.year} ${awardNames[p.award]} 户#${p.householdId}${p.personId ? ` 成员#${p.personId}` : ''}: ${p.decision === 'awarded' ? '评上' : '未评上'}${p.note ? ` (${p.note})` : ''}`,
  }),
  'awards.export': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ award, year }),
    run: async (ctx, p) => {
      const list = candidates(ctx, p.award, p.year);
      const title = `${ctx.village.name}${p.year}年度${awardNames[p.award]}候选名单`;
      const decided = (d: (typeof list.items)[number]['decision']) => (d ? (d.decision === 'awarded' ? '评上' : '未评上') : '待定');
      return {
        fileName: `${title}.xlsx`,
        xlsxBase64: await rankedWorkbook(
          title,
          `按${p.year}年审核通过的积分排名${list.category ? `（${list.category}类积分）` : ''}；名单供评议参考，由村民评议决定`,
          [
            {
              name: awardNames[p.award],
              person: awardSubject[p.award] === 'person',
              extraHeaders: ['评议结果'],
              rows: list.items.map((c) => ({ ...c, extra: [decided(c.decision)] })),
            },
          ],
        ),
      };
    },
  }),
  'awards.decisions': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ award: award.optional(), year }),
    run: (ctx, p) => ({ items: decisions(ctx, p.award, p.year) }),
  }),
};
