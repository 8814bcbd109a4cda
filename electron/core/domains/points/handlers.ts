import { z } from 'zod';
import { handler } from '../../handler.js';
import { date, id, points, noteText, requiredNoteText } from '../../validation.js';
import { recordEntries, reverseEntry, reviewEntries } from './entries.js';
import { attachPhoto, listPhotos, maxPhotoBytes, readPhoto, sniffImage } from './photos.js';
import { pendingEntries } from './queue.js';
import { rejectedInbox, resubmitEntry } from './resubmit.js';

const photoInput = z
  .strictObject({
    entryId: id.optional(),
    entryIds: z.array(id).min(1).max(500).optional(),
    imageBase64: z
      .string()
      .max(Math.ceil(maxPhotoBytes / 3) * 4 + 16, '照片不能超过 5 MB')
      .regex(/^[A-Za-z0-9+/=\s]*$/, '照片内容应为 base64'),
    mime: z.enum(['image/jpeg', 'image/png']),
  })
  .refine((p) => (p.entryId === undefined) !== (p.entryIds === undefined), '请指定 entryId 或 entryIds 之一')
  .transform((p, zctx) => {
    const bytes = Buffer.from(p.imageBase64, 'base64');
    if (bytes.length === 0 || bytes.length > maxPhotoBytes) {
      zctx.addIssue({ code: 'custom', message: '照片不能为空，也不能超过 5 MB', path: ['imageBase64'] });
      return z.NEVER;
    }
    if (sniffImage(bytes) !== p.mime) {
      zctx.addIssue({ code: 'custom', message: `文件内容不是 ${p.mime === 'image/png' ? 'PNG' : 'JPEG'} 图片`, path: ['mime'] });
      return z.NEVER;
    }
    return { entryIds: p.entryIds ?? [p.entryId!], bytes, mime: p.mime };
  });

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
      note: noteText(200).optional(),
    }),
    run: recordEntries,
    audit: (p, r) => `录入积分 条目#${p.ruleId} ${r.entries.length} 户`,
  }),
  'points.review': handler({
    access: ['reviewer'],
    write: true,
    input: z.strictObject({ entryIds: z.array(id).min(1).max(1000), decision: z.enum(['approve', 'reject']), reason: noteText(200).optional() }),
    run: reviewEntries,
    audit: (p) => `${p.decision === 'approve' ? '通过' : '驳回'} ${p.entryIds.length} 条积分`,
  }),
  'points.pending': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z
      .strictObject({ limit: z.number().int().min(1).max(1000).optional(), householdId: id.optional() })
      .optional()
      .default({}),
    run: pendingEntries,
  }),
  /** The clerk's inbox: own entries the reviewer rejected, with the reason, not yet corrected. */
  'points.rejected': handler({
    access: ['clerk'],
    input: z
      .strictObject({ limit: z.number().int().min(1).max(1000).optional() })
      .optional()
      .default({}),
    run: rejectedInbox,
  }),
  /** A corrected copy of a rejected entry: a new pending entry that points at it (the rejected one stays). */
  'points.resubmit': handler({
    access: ['clerk'],
    write: true,
    input: z.strictObject({
      entryId: id,
      ruleId: id.optional(),
      points: points.optional(),
      personId: id.nullable().optional(),
      occurredOn: date.optional(),
      note: noteText(200).optional(),
    }),
    run: resubmitEntry,
    audit: (p, r) => `重新提交积分 #${p.entryId} → #${r.id}`,
  }),
  'points.attachPhoto': handler({
    access: ['clerk', 'reviewer'],
    write: true,
    input: photoInput,
    run: attachPhoto,
    audit: (p, r) => `附照片 ${r.sha256.slice(0, 12)} → 积分记录 ${p.entryIds.join(',')}`,
  }),
  'points.photos': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ entryId: id }),
    run: (ctx, p) => ({ items: listPhotos(ctx, p.entryId) }),
  }),
  'points.photo': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ id }),
    run: (ctx, p) => readPhoto(ctx, p.id),
  }),
  'points.reverse': handler({
    access: ['clerk', 'reviewer'],
    write: true,
    input: z.strictObject({ entryId: id, reason: requiredNoteText(200) }),
    run: reverseEntry,
    audit: (p) => `冲正积分 #${p.entryId}: ${p.reason}`,
  }),
};
