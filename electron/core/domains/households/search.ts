import type { DB } from '../../../../db/connection.js';
import { stmt } from '../../statements.js';
import { loadAccount } from './account-query.js';
import type { HouseholdRow } from './households.js';

/** Which index a query can use: what a scanner or a shopkeeper types decides the lookup. */
export function classifyQuery(q: string): 'digits' | 'initials' | 'name' {
  if (/^[0-9A-Za-z-]*\d[0-9A-Za-z-]*$/.test(q)) return 'digits';
  if (/^[A-Za-z]+$/.test(q)) return 'initials';
  return 'name';
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchHouseholds(db: DB, q: string, limit: number, year: number, now: Date) {
  const kind = classifyQuery(q);
  let rows: HouseholdRow[];
  if (kind === 'digits') {
    // An exact card scan comes first; then card prefixes and the last 4 digits of a phone.
    rows = stmt(
      db,
      `SELECT * FROM households WHERE card_no = @q
      UNION ALL SELECT * FROM (SELECT * FROM households WHERE card_no > @q AND card_no < @q || char(1114111) ORDER BY card_no LIMIT @limit)
      UNION ALL SELECT * FROM (SELECT * FROM households WHERE phone_last4 = @p2 AND card_no <> @q AND NOT (card_no > @q AND card_no < @q || char(1114111)) LIMIT @limit)
      LIMIT @limit`,
    ).all({ q, p2: q.length === 4 ? q : null, limit }) as HouseholdRow[];
  } else if (kind === 'initials') {
    const lower = q.toLowerCase();
    rows = stmt(
      db,
      `SELECT * FROM households WHERE id IN (
        SELECT id FROM households WHERE name_initials >= @q AND name_initials < @q || '{'
        UNION SELECT household_id FROM members WHERE name_initials >= @q AND name_initials < @q || '{')
      ORDER BY name_initials = @q DESC, card_no LIMIT @p2`,
    ).all({ q: lower, p2: limit }) as HouseholdRow[];
  } else {
    const pattern = `%${like(q)}%`;
    rows = stmt(
      db,
      `SELECT * FROM households WHERE id IN (
        SELECT id FROM households WHERE head_name LIKE @q ESCAPE '\\'
        UNION SELECT household_id FROM members WHERE name LIKE @q ESCAPE '\\')
      ORDER BY head_name = @p2 DESC, card_no LIMIT @limit`,
    ).all({ q: pattern, p2: q, limit }) as HouseholdRow[];
  }
  return rows.map((r) => {
    const acc = loadAccount(db, r.id, year, now);
    return { id: r.id, cardNo: r.card_no, headName: r.head_name, group: r.grp, score: acc.score, available: acc.available };
  });
}
