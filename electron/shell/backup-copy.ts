import type { Reply } from '../core/dispatcher.js';
import type { CoreDeps } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { authorizeBackupExport, copyBackupTo } from '../core/domains/backup/backup-export.js';

/**
 * window.pos.call('backup.copyTo', { file }): answered by the shell, not the core, because only the
 * main process can show a folder dialog. The page names the backup, never a path: the folder is the
 * one the admin picks in the dialog.
 */
export const backupCopyMethod = 'backup.copyTo';

/** The folder the admin chose, or null when the dialog was cancelled. */
export type ChooseFolder = () => Promise<string | null>;

export function copyParams(params: unknown): { file: string } | null {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  const keys = Object.keys(params);
  const file = (params as { file?: unknown }).file;
  return keys.length === 1 && typeof file === 'string' && file.length > 0 && file.length <= 100 ? { file } : null;
}

export async function copyBackupWithDialog(deps: CoreDeps, token: string | undefined, params: unknown, chooseFolder: ChooseFolder): Promise<Reply> {
  try {
    const p = copyParams(params);
    if (!p) throw new AppError('INVALID_INPUT', '参数有误 (expected { file })', { reason: 'invalid_params', issues: [{ path: 'file', code: 'invalid_type' }] });
    // Checked before the dialog: someone who may not copy is never asked where to.
    authorizeBackupExport(deps, token, p.file, backupCopyMethod);
    const dir = await chooseFolder();
    if (!dir) return { result: { copied: false } };
    return { result: { copied: true, ...(await copyBackupTo(deps, token, p.file, dir)) } };
  } catch (e) {
    if (e instanceof AppError) return { error: e.toBody() };
    throw e;
  }
}
