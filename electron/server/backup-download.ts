import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreDeps } from '../core/context.js';
import { AppError, errorStatus } from '../core/errors.js';
import { auditBackupExport, authorizeBackupExport } from '../core/domains/backup/backup-export.js';
import { refuse, send } from './json-reply.js';

/** GET /download/backups/<file>: the one file the server sends that is not the UI. */
export const backupDownloadPrefix = '/download/backups/';

/**
 * Streams a backup to a signed-in admin. The token comes in the Authorization header, as for the API:
 * a page on another site cannot send that header without a CORS preflight this server never grants.
 */
export function serveBackupDownload(deps: CoreDeps, req: IncomingMessage, res: ServerResponse, pathname: string, token: string | undefined): void {
  if (req.method !== 'GET') return refuse(res, 405, 'INVALID_INPUT', 'method_not_allowed', '请使用 GET (use GET)');
  let file: string;
  try {
    file = decodeURIComponent(pathname.slice(backupDownloadPrefix.length));
  } catch {
    file = '';
  }
  let backup;
  try {
    backup = authorizeBackupExport(deps, token, file, 'backup.download');
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return send(res, errorStatus[e.code], { error: e.toBody() });
  }
  auditBackupExport(deps, backup, 'backup.download', `下载备份 ${backup.file} (${backup.bytes} 字节)`);
  res.writeHead(200, {
    'content-type': 'application/vnd.sqlite3',
    'content-length': backup.bytes,
    // Backup names are ASCII by construction (points-YYYYMMDD-HHMMSS-kind.db): no filename* needed.
    'content-disposition': `attachment; filename="${backup.file}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(backup.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
