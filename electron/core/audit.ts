import type { DB } from '../../db/connection.js';
import { auditNoteSeparator } from './audit-changes.js';
import { stmt } from './statements.js';

/**
 * One row of the append-only audit log. The dispatcher writes it for every write method, in the
 * write's own transaction; the few calls that cannot run in that transaction (sign-in, backups,
 * prints, pairing) write theirs here once their work is done, in a transaction of their own.
 */
export function writeAudit(db: DB, at: string, userId: number | null, method: string, summary: string, notes: readonly string[] = []): void {
  // A name that contains the separator is written with a broken bar, so it cannot add a note (such as
  // a supervisor's authorisation) that the call never had.
  const text = [summary, ...notes].map((part) => part.replaceAll(auditNoteSeparator, ' ¦ ')).join(auditNoteSeparator);
  stmt(db, 'INSERT INTO audit (at, user_id, method, summary) VALUES (?, ?, ?, ?)').run(at, userId, method, text);
}
