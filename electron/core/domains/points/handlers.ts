import { z } from 'zod';
import { handler } from '../../handler.js';
import { date, id, points, requiredText, text } from '../../validation.js';
import { recordEntries, reverseEntry, reviewEntries } from './entries.js';

export const pointHandlers = {
  'points.record': handler({
    access: ['clerk'],
    write: true,
    input: z.strictObject({
      householdIds: z.array(id).min(1).max(500),
      ruleId: id,
      personId: id.optional(),
      points: points.optional(),
      occurredOn: date,
      note: text(200).optional(),
    }),
    run: recordEntries,
    audit: (p, r) => `录入积分 条目#${p.ruleId} ${r.entries.length} 户`,
  }),
  'points.review': handler({
    access: ['reviewer'],
    write: true,
    input: z.strictObject({ entryIds: z.array(id).min(1).max(1000), decision: z.enum(['approve', 'reject']), reason: text(200).optional() }),
    run: reviewEntries,
    audit: (p) => `${p.decision === 'approve' ? '通过' : '驳回'} ${p.entryIds.length} 条积分`,
  }),
  'points.reverse': handler({
    access: ['clerk', 'reviewer'],
    write: true,
    input: z.strictObject({ entryId: id, reason: requiredText(200) }),
    run: reverseEntry,
    audit: (p) => `冲正积分 #${p.entryId}: ${p.reason}`,
  }),
};
