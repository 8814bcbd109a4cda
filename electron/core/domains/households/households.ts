import type { DB } from '../../../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { maskIdNo, normalizeIdNo } from '../../rules/id-number.js';
import { pinyinInitials } from '../../rules/pinyin-initials.js';
import { getSetting, putSetting } from '../../settings.js';
import { stmt } from '../../statements.js';
import { emptyAccount, loadAccount, loadAccounts } from './account-query.js';
import { withGroupKey } from './group-order-sql.js';

export { maskIdNo };

export interface HouseholdRow {
  id: number;
  card_no: string;
  head_name: string;
  grp: string;
  phone: string;
  created_at: string;
}
export interface MemberInput {
  name: string;
  relation?: string;
  idNo?: string;
  partyMember?: boolean;
}
interface MemberRow {
  id: number;
  name: string;
  relation: string;
  id_no: string;
  party_member: number;
  active: number;
}

export function toHousehold(r: HouseholdRow) {
  return { id: r.id, cardNo: r.card_no, headName: r.head_name, group: r.grp, phone: r.phone, createdAt: r.created_at };
}

export function requireHousehold(db: DB, id: number): HouseholdRow {
  const row = stmt(db, 'SELECT * FROM households WHERE id = ?').get(id) as HouseholdRow | undefined;
  if (!row) throw notFound('农户', { reason: 'unknown_household', householdId: id });
  return row;
}

/** The next free card number: prefix + a 4-digit sequence, skipping numbers already given out by hand. */
export function nextCardNo(ctx: Ctx): string {
  let seq = getSetting(ctx.db, 'nextCardSeq', 1);
  const exists = stmt(ctx.db, 'SELECT 1 FROM households WHERE card_no = ?');
  let card: string;
  do card = `${ctx.counter.cardPrefix}${String(seq++).padStart(4, '0')}`;
  while (exists.get(card));
  putSetting(ctx.db, 'nextCardSeq', seq);
  return card;
}

function assertCardFree(db: DB, cardNo: string, exceptId?: number): void {
  const row = stmt(db, 'SELECT id FROM households WHERE card_no = ?').get(cardNo) as { id: number } | undefined;
  if (row && row.id !== exceptId) throw new AppError('CONFLICT', `卡号 ${cardNo} 已被使用 (card number already in use)`, { reason: 'duplicate_card', cardNo });
}

const phoneLast4 = (phone: string) => phone.replace(/\D/g, '').slice(-4);

export function insertHouseholdRow(ctx: Ctx, p: { cardNo: string; headName: string; group: string; phone: string }): number {
  return Number(
    stmt(
      ctx.db,
      `INSERT INTO households (card_no, head_name, name_initials, grp, phone, phone_last4, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(p.cardNo, p.headName, pinyinInitials(p.headName), p.group, p.phone, phoneLast4(p.phone), ctx.nowIso).lastInsertRowid,
  );
}

export function insertMemberRow(ctx: Ctx, householdId: number, m: MemberInput): number {
  return Number(
    stmt(
      ctx.db,
      `INSERT INTO members (household_id, name, name_initials, relation, id_no, party_member, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(householdId, m.name, pinyinInitials(m.name), m.relation ?? '', normalizeIdNo(m.idNo ?? ''), m.partyMember ? 1 : 0, ctx.nowIso).lastInsertRowid,
  );
}

/** One person, one ID number: the same number on two members is a typing mistake or a duplicate household. */
export function assertIdNoFree(db: DB, idNo: string | undefined, exceptMemberId?: number): void {
  if (!idNo) return;
  const row = stmt(db, 'SELECT m.id, h.card_no, m.name FROM members m JOIN households h ON h.id = m.household_id WHERE m.id_no = ?').get(
    normalizeIdNo(idNo),
  ) as { id: number; card_no: string; name: string } | undefined;
  if (row && row.id !== exceptMemberId) {
    throw new AppError('CONFLICT', `身份证号已登记在 ${row.card_no} 户 ${row.name} 名下 (ID number already on the roster)`, {
      reason: 'id_number_on_roster',
      cardNo: row.card_no,
      memberName: row.name,
    });
  }
}

export function createHousehold(ctx: Ctx, p: { headName: string; cardNo?: string; group?: string; phone?: string; members?: MemberInput[] }) {
  const cardNo = p.cardNo ?? nextCardNo(ctx);
  assertCardFree(ctx.db, cardNo);
  const householdId = insertHouseholdRow(ctx, { cardNo, headName: p.headName, group: p.group ?? '', phone: p.phone ?? '' });
  const members = p.members ?? [{ name: p.headName, relation: '户主' }];
  const seen = new Set<string>();
  for (const m of members) {
    if (m.idNo) {
      const n = normalizeIdNo(m.idNo);
      if (seen.has(n))
        throw new AppError('INVALID_INPUT', `身份证号重复：${m.name} (duplicate ID number)`, { reason: 'duplicate_id_number_in_request', memberName: m.name });
      seen.add(n);
    }
    assertIdNoFree(ctx.db, m.idNo);
    insertMemberRow(ctx, householdId, m);
  }
  return getHousehold(ctx.db, householdId, ctx.year, ctx.now);
}

/** Card reissue (补卡) changes the number; the ledger follows the household id, not the card. */
export function updateHousehold(ctx: Ctx, p: { id: number; headName?: string; cardNo?: string; group?: string; phone?: string }) {
  const h = requireHousehold(ctx.db, p.id);
  if (p.cardNo !== undefined) assertCardFree(ctx.db, p.cardNo, h.id);
  const headName = p.headName ?? h.head_name;
  const phone = p.phone ?? h.phone;
  stmt(ctx.db, `UPDATE households SET card_no = ?, head_name = ?, name_initials = ?, grp = ?, phone = ?, phone_last4 = ? WHERE id = ?`).run(
    p.cardNo ?? h.card_no,
    headName,
    pinyinInitials(headName),
    p.group ?? h.grp,
    phone,
    phoneLast4(phone),
    h.id,
  );
  return getHousehold(ctx.db, h.id, ctx.year, ctx.now);
}

/**
 * Adds or edits a member. Members are never deleted: an entry may name them, so one who moved away
 * or died is marked inactive and stays readable in past years' ledgers.
 */
export function saveMember(
  ctx: Ctx,
  p: { householdId: number; id?: number; name: string; relation?: string; idNo?: string; partyMember?: boolean; active?: boolean },
) {
  requireHousehold(ctx.db, p.householdId);
  assertIdNoFree(ctx.db, p.idNo, p.id);
  if (p.id === undefined) {
    insertMemberRow(ctx, p.householdId, p);
  } else {
    const m = stmt(ctx.db, 'SELECT * FROM members WHERE id = ? AND household_id = ?').get(p.id, p.householdId) as MemberRow | undefined;
    if (!m) throw notFound('该户成员', { reason: 'unknown_member', memberId: p.id });
    // An absent idNo keeps the stored one: the form only ever sees it masked.
    stmt(ctx.db, 'UPDATE members SET name = ?, name_initials = ?, relation = ?, id_no = ?, party_member = ?, active = ? WHERE id = ?').run(
      p.name,
      pinyinInitials(p.name),
      p.relation ?? m.relation,
      p.idNo === undefined ? m.id_no : normalizeIdNo(p.idNo),
      p.partyMember === undefined ? m.party_member : p.partyMember ? 1 : 0,
      p.active === undefined ? m.active : p.active ? 1 : 0,
      m.id,
    );
  }
  return getHousehold(ctx.db, p.householdId, ctx.year, ctx.now);
}

export function membersOf(db: DB, householdId: number) {
  return (
    stmt(db, 'SELECT id, name, relation, id_no, party_member, active FROM members WHERE household_id = ? ORDER BY id').all(householdId) as MemberRow[]
  ).map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNoMasked: maskIdNo(m.id_no), partyMember: m.party_member === 1, active: m.active === 1 }));
}

export function getHousehold(db: DB, id: number, year: number, now: Date) {
  const h = requireHousehold(db, id);
  return { household: { ...toHousehold(h), members: membersOf(db, id) }, account: loadAccount(db, id, year, now) };
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The office's roster: by group, filtered by card, name or phone, with this year's account of each. */
export function listHouseholds(db: DB, p: { q?: string; group?: string; offset?: number; limit?: number }, year: number, now: Date) {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (p.group !== undefined) {
    where.push('h.grp = @group');
    args.group = p.group;
  }
  if (p.q) {
    where.push(`(h.card_no LIKE @q ESCAPE '\\' OR h.head_name LIKE @q ESCAPE '\\' OR h.phone LIKE @q ESCAPE '\\' OR h.name_initials LIKE @qi ESCAPE '\\'
      OR h.id IN (SELECT household_id FROM members WHERE name LIKE @q ESCAPE '\\'))`);
    args.q = like(p.q);
    args.qi = `${p.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM households h ${cond}`).get(args) as { n: number }).n;
  const rows = withGroupKey(db)
    .prepare(
      `SELECT h.*, (SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.active = 1) AS member_count
    FROM households h ${cond} ORDER BY group_key(h.grp), h.card_no LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: p.limit ?? 50, offset: p.offset ?? 0 }) as (HouseholdRow & { member_count: number })[];
  const accounts = loadAccounts(db, year, now);
  const groups = (stmt(db, 'SELECT grp, COUNT(*) AS n FROM households GROUP BY grp ORDER BY group_key(grp)').all() as { grp: string; n: number }[]).map(
    (g) => ({ group: g.grp, households: g.n }),
  );
  return {
    total,
    groups,
    items: rows.map((r) => {
      const acc = accounts.get(r.id) ?? emptyAccount(year);
      return { ...toHousehold(r), memberCount: r.member_count, score: acc.score, redeemed: acc.redeemed, available: acc.available };
    }),
  };
}
