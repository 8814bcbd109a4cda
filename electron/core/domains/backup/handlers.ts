import { z } from 'zod';
import { handler } from '../../handler.js';
import { writeAudit } from '../../audit.js';
import { backupDir, backupSettings, listBackups, restoreBackup, saveBackupSettings, takeBackup } from './backup.js';

/**
 * backup.now and backup.restore cannot run inside the dispatcher's transaction (one is async, the
 * other replaces the database), so each writes its own audit row once it has done its work.
 */
export const backupHandlers = {
  'backup.list': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    run: (ctx) => ({ dir: backupDir(ctx.deps), ...backupSettings(ctx.db), items: listBackups(ctx.deps) }),
  }),
  'backup.now': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    async run(ctx) {
      const made = await takeBackup(ctx.deps, 'manual', ctx.now);
      writeAudit(ctx.db, ctx.nowIso, ctx.me.id, 'backup.now', `手动备份 ${made.file} (${made.bytes} 字节)`);
      return made;
    },
  }),
  'backup.restore': handler({
    access: ['admin'],
    input: z.strictObject({ file: z.string().min(1).max(100) }),
    run: (ctx, p) => restoreBackup(ctx.deps, p.file, ctx.me, ctx.now),
  }),
  'backup.configure': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ keep: z.number().int().min(1, '至少保留 1 份').max(365) }),
    run(ctx, p) {
      saveBackupSettings(ctx.db, { keep: p.keep });
      return backupSettings(ctx.db);
    },
    audit: (p) => `备份保留份数设为 ${p.keep}`,
  }),
};
