import { z } from 'zod';
import { handler } from '../../handler.js';
import { id, points, requiredText } from '../../validation.js';
import { noteChanges } from '../../audit-changes.js';
import { listRules, requireRule, ruleAuditFields, saveRule } from './rules.js';

const ruleInput = z
  .strictObject({
    id: id.optional(),
    category: requiredText(32),
    name: requiredText(64),
    kind: z.enum(['award', 'deduction']),
    points: points.optional(),
    minPoints: points.optional(),
    maxPoints: points.optional(),
    capPerYear: points.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine(
    (r) => (r.points !== undefined) !== (r.minPoints !== undefined && r.maxPoints !== undefined),
    '请填写固定分值，或同时填写最低分和最高分 (points, or minPoints and maxPoints)',
  )
  .refine((r) => r.points !== undefined || r.minPoints! <= r.maxPoints!, '最低分不能大于最高分');

export const ruleHandlers = {
  'rules.list': handler({
    access: 'any',
    input: z.strictObject({ includeInactive: z.boolean().optional() }).optional(),
    run: (ctx, p) => ({ items: listRules(ctx.db, p?.includeInactive ?? false) }),
  }),
  // The person who records points must not be the one who sets what they are worth: admins only.
  'rules.save': handler({
    access: ['admin'],
    write: true,
    input: ruleInput,
    run: (ctx, p) => {
      const before = p.id !== undefined ? requireRule(ctx.db, p.id) : null;
      const saved = saveRule(ctx.db, p);
      if (before) noteChanges(ctx, before, saved, ruleAuditFields);
      return saved;
    },
    audit: (p, r) => `保存评分条目 #${r.id} ${p.category}/${p.name}`,
  }),
};
