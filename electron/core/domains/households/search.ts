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

/**
 * Appends rows until `into` holds `limit`. The statement is opened only if rows are still wanted, and
 * left as soon as none are: an open iterator keeps the connection busy.
 */
function take(into: HouseholdRow[], limit: number, open: () => Iterable<unknown>): void {
  if (into.length >= limit) return;
  for (const row of open() as Iterable<HouseholdRow>) {
    into.push(row);
    if (into.length >= limit) break;
  }
}

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchHouseholds(db: DB, q: string, limit: number, year: number, now: Date) {
  const kind = classifyQuery(q);
  let rows: HouseholdRow[];
  if (kind === 'digits') {
    // An exact card scan comes first; then card prefixes and the last 4 digits of a phone. Three
    // statements cut short here rather than one UNION with LIMIT @limit: a LIMIT bound as a parameter
    // cost 6-8 µs a statement (measured), more than the card's own indexed lookup.
    const after = `card_no > @q AND card_no < @q || char(1114111)`;
    rows = [];
    take(rows, limit, () => stmt(db, 'SELECT * FROM households WHERE card_no = @q').iterate({ q }));
    take(rows, limit, () => stmt(db, `SELECT * FROM households WHERE ${after} ORDER BY card_no`).iterate({ q }));
    if (q.length === 4)
      take(rows, limit, () => stmt(db, `SELECT * FROM households WHERE phone_last4 = @q AND card_no <> @q AND NOT (${after})`).iterate({ q }));
  } else if (kind === 'initials') {
    const lower = q.toLowerCase();
    // Bound LIMIT kept here: the matches are sorted, and a LIMIT lets SQLite keep only the top rows
    // (a one-letter query matches a third of a village).
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
