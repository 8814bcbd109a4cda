import type { DB } from '../../../../db/connection.js';
import { stmt } from '../../statements.js';

/**
 * Local accounts that a paired counter no longer uses: kept (the audit log points at them) but
 * unusable, renamed out of the way so the office's accounts with the same names can arrive.
 */
export function retireLocalAccounts(db: DB, exceptUserId: number | null): void {
  stmt(db, `UPDATE users SET username = '~' || id || '~' || username, active = 0, pin_hash = '!' WHERE username NOT LIKE '~%' AND id IS NOT ?`).run(
    exceptUserId,
  );
}

/** The account that paired, once the first pull is in: retired unless the office's account with its id replaced it (another PIN hash). */
export function retireAccountIfUnchanged(db: DB, userId: number, pinHash: string): void {
  stmt(db, `UPDATE users SET username = '~' || id || '~' || username, active = 0, pin_hash = '!' WHERE id = ? AND pin_hash = ?`).run(userId, pinHash);
}

export function pinHashOf(db: DB, userId: number): string | null {
  return (stmt(db, 'SELECT pin_hash FROM users WHERE id = ?').get(userId) as { pin_hash: string } | undefined)?.pin_hash ?? null;
}
