import type { DB } from '../../../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { pinyinInitials } from '../../rules/pinyin-initials.js';
import { getSetting, putSetting } from '../../settings.js';
import { stmt } from '../../statements.js';
import { loadAccount } from './account-query.js';

export interface HouseholdRow { id: number; card_no: string; head_name: string; grp: string; phone: string; created_at: string }
export interface MemberInput { name: string; relation?: string; idNo?: string; partyMember?: boolean }

export function toHousehold(r: HouseholdRow) {
  return { id: r.id, cardNo: r.card_no, headName: r.head_name, group: r.grp, phone: r.phone, createdAt: r.created_at };
}

export function requireHousehold(db: DB, id: number): HouseholdRow {
  const row = stmt(db, 'SELECT * FROM households WHERE id = ?').get(id) as HouseholdRow | undefined;
  if (!row) throw notFound('农户', { householdId: id });
  return row;
}

/** ID numbers are stored whole but shown masked: the counter never needs more than the last digits. */
export function maskIdNo(idNo: string): string {
  return idNo.length <= 4 ? idNo : `${'*'.repeat(idNo.length - 4)}${idNo.slice(-4)}`;
}

function nextCardNo(ctx: Ctx): string {
  let seq = getSetting(ctx.db, 'nextCardSeq', 1);
  const exists = stmt(ctx.db, 'SELECT 1 FROM households WHERE card_no = ?');
  let card: string;
  do card = `${ctx.counter.cardPrefix}${String(seq++).padStart(4, '0')}`;
  while (exists.get(card));
  putSetting(ctx.db, 'nextCardSeq', seq);
  return card;
}

export function createHousehold(ctx: Ctx, p: { headName: string; cardNo?: string; group?: string; phone?: string; members?: MemberInput[] }) {
  const cardNo = p.cardNo ?? nextCardNo(ctx);
  if (stmt(ctx.db, 'SELECT 1 FROM households WHERE card_no = ?').get(cardNo)) {
    throw new AppError('CONFLICT', `卡号 ${cardNo} 已被使用 (card number already in use)`, { cardNo });
  }
  const phone = p.phone ?? '';
  const { lastInsertRowid } = stmt(ctx.db, `INSERT INTO households (card_no, head_name, name_initials, grp, phone, phone_last4, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(cardNo, p.headName, pinyinInitials(p.headName), p.group ?? '', phone, phone.slice(-4), ctx.nowIso);
  const householdId = Number(lastInsertRowid);
  const members = p.members ?? [{ name: p.headName, relation: '户主' }];
  const insertMember = stmt(ctx.db, `INSERT INTO members (household_id, name, name_initials, relation, id_no, party_member, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const m of members) {
    insertMember.run(householdId, m.name, pinyinInitials(m.name), m.relation ?? '', m.idNo ?? '', m.partyMember ? 1 : 0, ctx.nowIso);
  }
  return getHousehold(ctx.db, householdId, ctx.year);
}

export function getHousehold(db: DB, id: number, year: number) {
  const h = requireHousehold(db, id);
  const members = (stmt(db, 'SELECT id, name, relation, id_no, party_member FROM members WHERE household_id = ? ORDER BY id').all(id) as
    { id: number; name: string; relation: string; id_no: string; party_member: number }[])
    .map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNoMasked: maskIdNo(m.id_no), partyMember: m.party_member === 1 }));
  return { household: { ...toHousehold(h), members }, account: loadAccount(db, id, year) };
}
