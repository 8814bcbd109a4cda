import { api, type Reply } from '../../api/client';
import { ApiError, type ClientErrorCode } from '../../api/errors';
import { downloadBlob } from '../../download';

/** In the desktop app the shell copies to a folder the admin picks; a browser downloads instead. */
export const canCopyToFolder = (): boolean => api.transportKind() === 'ipc';

export async function downloadBackup(file: string): Promise<void> {
  downloadBlob(await api.fetchFile(`/download/backups/${encodeURIComponent(file)}`), file);
}

/** Answered by the Electron main process (electron/shell/backup-copy.ts), which shows the folder dialog. */
export async function copyBackupToFolder(file: string): Promise<{ copied: boolean; dir?: string }> {
  const reply: Reply = await window.pos!.call('backup.copyTo', { file });
  if ('error' in reply) {
    const { code, message, details, reason } = reply.error;
    throw new ApiError(code as ClientErrorCode, message, details, reason);
  }
  return reply.result as { copied: boolean; dir?: string };
}
