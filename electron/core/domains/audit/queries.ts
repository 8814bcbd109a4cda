import type { DB } from '../../../../db/connection.js';
import { villageDayRange } from '../../rules/village-day-range.js';
import { stmt } from '../../statements.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: number;
  method?: string;
}

export interface AuditItem {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  username: string | null;
  method: string;
  summary: string;
}

/**
 * Newest first. from/to are village dates, inclusive; the audit table stores UTC instants, so the
 * range is converted with the village's time zone rather than compared as text.
 */
export function listAudit(db: DB, f: AuditFilter, timeZone: string, limit: number): { items: AuditItem[]; truncated: boolean } {
  const start = f.from ? villageDayRange(f.from, f.from, timeZone).startIso : null;
  const end = f.to ? villageDayRange(f.to, f.to, timeZone).endIso : null;
  const rows = stmt(
    db,
    `SELECT a.id, a.at, a.user_id AS userId, u.name AS userName, u.username, a.method, a.summary
      FROM audit a LEFT JOIN users u ON u.id = a.user_id
      WHERE (@start IS NULL OR a.at >= @start) AND (@end IS NULL OR a.at < @end)
        AND (@user IS NULL OR a.user_id = @user) AND (@method IS NULL OR a.method = @method)
      ORDER BY a.at DESC, a.id DESC LIMIT @limit`,
  ).all({ start, end, user: f.userId ?? null, method: f.method ?? null, limit: limit + 1 }) as AuditItem[];
  return { items: rows.slice(0, limit), truncated: rows.length > limit };
}
