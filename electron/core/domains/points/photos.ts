import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { stmt } from '../../statements.js';

export const maxPhotoBytes = 5 * 1024 * 1024;
export type PhotoMime = 'image/jpeg' | 'image/png';

/** The bytes must be what the mime type says: a renamed document is not evidence. */
export function sniffImage(bytes: Buffer): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export function photosDir(ctx: Ctx): string {
  return join(ctx.deps.dataDir ?? dirname(ctx.db.name), 'photos');
}

const photoPath = (ctx: Ctx, sha256: string, mime: PhotoMime) => join(photosDir(ctx), `${sha256}${mime === 'image/png' ? '.png' : '.jpg'}`);

/**
 * Stores the picture under its sha256 (the same picture twice is one file) and records the attachment,
 * once per entry: a batch of 20 households at one 义务劳动 day shares one photo, uploaded once.
 * The file is written before the row commits; if the transaction then fails, the file is an orphan that
 * the next identical upload reuses, never a row without its file.
 */
export function attachPhoto(ctx: Ctx, p: { entryIds: number[]; bytes: Buffer; mime: PhotoMime }) {
  for (const entryId of p.entryIds) {
    const entry = stmt(ctx.db, 'SELECT id, kind FROM point_entries WHERE id = ?').get(entryId) as { id: number; kind: string } | undefined;
    if (!entry) throw notFound('积分记录', { reason: 'unknown_entry', entryId });
    if (entry.kind === 'reversal')
      throw new AppError('INVALID_INPUT', '冲正记录不附照片，请附在原记录上 (attach to the original entry)', { reason: 'reversal_no_photo', entryId });
  }
  const sha256 = createHash('sha256').update(p.bytes).digest('hex');
  const file = photoPath(ctx, sha256, p.mime);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, p.bytes);
    renameSync(tmp, file);
  }
  const insert = stmt(ctx.db, 'INSERT INTO point_photos (entry_id, sha256, mime, size, user_id, at) VALUES (?, ?, ?, ?, ?, ?)');
  const attached = [...new Set(p.entryIds)].map((entryId) => ({
    id: Number(insert.run(entryId, sha256, p.mime, p.bytes.length, ctx.me.id, ctx.nowIso).lastInsertRowid),
    entryId,
  }));
  return { ...attached[0], sha256, mime: p.mime, size: p.bytes.length, at: ctx.nowIso, attached };
}

interface PhotoRow {
  id: number;
  entry_id: number;
  sha256: string;
  mime: PhotoMime;
  size: number;
  at: string;
  user_name: string;
}

const toPhoto = (r: PhotoRow) => ({ id: r.id, entryId: r.entry_id, sha256: r.sha256, mime: r.mime, size: r.size, at: r.at, by: r.user_name });

export function listPhotos(ctx: Ctx, entryId: number) {
  return (
    stmt(ctx.db, `SELECT p.*, u.name AS user_name FROM point_photos p JOIN users u ON u.id = p.user_id WHERE p.entry_id = ? ORDER BY p.id`).all(
      entryId,
    ) as PhotoRow[]
  ).map(toPhoto);
}

export function readPhoto(ctx: Ctx, id: number) {
  const r = stmt(ctx.db, `SELECT p.*, u.name AS user_name FROM point_photos p JOIN users u ON u.id = p.user_id WHERE p.id = ?`).get(id) as PhotoRow | undefined;
  if (!r) throw notFound('照片', { reason: 'unknown_photo', photoId: id });
  const file = photoPath(ctx, r.sha256, r.mime);
  if (!existsSync(file)) throw notFound('照片文件', { reason: 'photo_file_missing', photoId: id, sha256: r.sha256 });
  return { ...toPhoto(r), imageBase64: readFileSync(file).toString('base64') };
}

/** Photos per entry, for lists that show a paperclip. */
export function photoCounts(ctx: Ctx, entryIds: number[]): Map<number, number> {
  if (entryIds.length === 0) return new Map();
  const rows = ctx.db
    .prepare(`SELECT entry_id, COUNT(*) AS n FROM point_photos WHERE entry_id IN (SELECT value FROM json_each(?)) GROUP BY entry_id`)
    .all(JSON.stringify(entryIds)) as { entry_id: number; n: number }[];
  return new Map(rows.map((r) => [r.entry_id, r.n]));
}
