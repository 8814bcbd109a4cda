import type { DB } from '../../db/connection.js';
import { AppError } from '../core/errors.js';
import { getSetting, putSetting } from '../core/settings.js';
import { stmt } from '../core/statements.js';
import type { SyncLink } from './counter.js';

/**
 * Forgets the office: the link (terminal id, key) goes, so this counter stops pushing and pulling
 * until it pairs again. Refused while events written here have not reached the office, because
 * nothing else would ever carry them there. Its data stays as it is (it is still a replica).
 */
export function unpairCounter(db: DB): { terminalId: string; counterId: string } {
  const link = getSetting<SyncLink | null>(db, 'sync.link', null);
  if (!link) throw new AppError('CONFLICT', '本机未与村委会配对 (not paired)', { reason: 'not_paired' });
  const pending = (stmt(db, 'SELECT COUNT(*) AS n FROM outbox WHERE seq > ?').get(getSetting(db, 'sync.pushedSeq', 0)) as { n: number }).n;
  if (pending > 0) {
    throw new AppError('CONFLICT', `还有 ${pending} 条记录未送到村委会，请先联网同步再解除配对 (events not yet at the office)`, {
      reason: 'unsynced',
      pending,
    });
  }
  putSetting(db, 'sync.link', null);
  return { terminalId: link.terminalId, counterId: link.counterId };
}
