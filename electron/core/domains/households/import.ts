import { createHash } from 'node:crypto';
import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { maskIdNo } from '../../rules/id-number.js';
import { pinyinInitials } from '../../rules/pinyin-initials.js';
import { isMaskedIdNo, type RosterHousehold, type RosterMember, type RowError } from '../../rules/roster.js';
import { stmt } from '../../statements.js';
import { insertHouseholdRow, insertMemberRow, nextCardNo, type HouseholdRow } from './households.js';

interface MemberRow {
  id: number;
  household_id: number;
  name: string;
  relation: string;
  id_no: string;
  party_member: number;
}

type MemberPlan = { m: RosterMember; existing?: MemberRow };
interface Plan {
  h: RosterHousehold;
  existing?: HouseholdRow;
  members: MemberPlan[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/** One field the import would change: `member` names the member for member fields. ID numbers show masked. */
export interface FieldChange {
  field: 'headName' | 'group' | 'phone' | 'member' | 'relation' | 'idNo' | 'partyMember';
  member?: string;
  from: string;
  to: string;
}
export interface PreviewHousehold {
  row: number;
  kind: 'new' | 'changed' | 'unchanged';
  cardNo: string;
  headName: string;
  group: string;
  /** New household: its members' names. Changed: each changed field, old → new. */
  members: string[];
  changes: FieldChange[];
}
export interface ImportPreview extends ImportResult {
  /** Names this exact plan: the import writes only if the file still plans the same against the database. */
  planId: string;
  examples: number;
  households: PreviewHousehold[];
}

/**
 * Matches a grouped roster against the database without writing: every household is matched and every
 * member checked first, so one error anywhere leaves the roster as it was.
 * Households match by card number, or without one by head and group; members by ID number, else by name.
 * Members missing from the file are left alone: a roster file is not a way to remove people.
 */
function planRoster(db: DB, households: RosterHousehold[], fileErrors: RowError[]): { plans: Plan[]; errors: RowError[] } {
  const errors = [...fileErrors];
  const byCard = stmt(db, 'SELECT * FROM households WHERE card_no = ?');
  const byHead = stmt(db, 'SELECT * FROM households WHERE head_name = ? AND grp = ?');
  const membersOf = stmt(db, 'SELECT id, household_id, name, relation, id_no, party_member FROM members WHERE household_id = ?');
  const byIdNo = stmt(db, `SELECT m.id, m.household_id, m.name, h.card_no FROM members m JOIN households h ON h.id = m.household_id WHERE m.id_no = ?`);

  const plans: Plan[] = [];
  const claimed = new Map<number, number>(); // household id -> first file row that matched it
  for (const h of households) {
    let existing: HouseholdRow | undefined;
    if (h.cardNo) existing = byCard.get(h.cardNo) as HouseholdRow | undefined;
    else {
      const same = byHead.all(h.headName, h.group) as HouseholdRow[];
      if (same.length > 1) {
        errors.push({ row: h.row, message: `村里有 ${same.length} 户户主都叫「${h.headName}」（${h.group || '未分组'}），请填写卡号以区分` });
        continue;
      }
      existing = same[0];
    }
    if (existing) {
      const first = claimed.get(existing.id);
      if (first !== undefined) {
        errors.push({ row: h.row, message: `与第 ${first} 行是同一户（卡号 ${existing.card_no}），请合并为同一卡号` });
        continue;
      }
      claimed.set(existing.id, h.row);
    }
    const current = existing ? (membersOf.all(existing.id) as MemberRow[]) : [];
    const members: MemberPlan[] = [];
    for (const m of h.members) {
      let match: MemberRow | undefined;
      if (isMaskedIdNo(m.idNo)) {
        match = current.find((c) => c.name === m.name);
        if (!match || !match.id_no || !match.id_no.endsWith(m.idNo.replace(/^\*+/, ''))) {
          errors.push({ row: m.row, message: `身份证号「${m.idNo}」是隐藏后的号码，与登记的不符；请填写完整的 18 位号码` });
          continue;
        }
      } else if (m.idNo) {
        const owner = byIdNo.get(m.idNo) as (MemberRow & { card_no: string }) | undefined;
        if (owner && owner.household_id !== existing?.id) {
          errors.push({ row: m.row, message: `身份证号已登记在 ${owner.card_no} 户 ${owner.name} 名下` });
          continue;
        }
        match = owner ? current.find((c) => c.id === owner.id) : current.find((c) => c.name === m.name);
      } else {
        match = current.find((c) => c.name === m.name);
      }
      members.push({ m, existing: match });
    }
    plans.push({ h, existing, members });
  }
  return { plans, errors: errors.sort((a, b) => a.row - b.row) };
}

const showIdNo = (idNo: string) => (idNo ? maskIdNo(idNo) : '');
// Codes, not words: the client says them in its own language.
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
/** A masked number (an export read back) keeps the one on file. */
const keptIdNo = (m: RosterMember, em: MemberRow) => (m.idNo && !isMaskedIdNo(m.idNo) ? m.idNo : em.id_no);

/** What applying the plan changes in one household, field by field (the writer below compares the same fields). */
function changesOf({ h, existing, members }: Plan): FieldChange[] {
  if (!existing) return [];
  const out: FieldChange[] = [];
  const phone = h.phone || existing.phone;
  if (existing.head_name !== h.headName) out.push({ field: 'headName', from: existing.head_name, to: h.headName });
  if (existing.grp !== h.group) out.push({ field: 'group', from: existing.grp, to: h.group });
  if (existing.phone !== phone) out.push({ field: 'phone', from: existing.phone, to: phone });
  for (const { m, existing: em } of members) {
    if (!em) {
      out.push({ field: 'member', member: m.name, from: '', to: m.name });
      continue;
    }
    const idNo = keptIdNo(m, em);
    if (em.name !== m.name) out.push({ field: 'member', member: m.name, from: em.name, to: m.name });
    if (em.relation !== m.relation) out.push({ field: 'relation', member: m.name, from: em.relation, to: m.relation });
    if (em.id_no !== idNo) out.push({ field: 'idNo', member: m.name, from: showIdNo(em.id_no), to: showIdNo(idNo) });
    if ((em.party_member === 1) !== m.partyMember)
      out.push({ field: 'partyMember', member: m.name, from: yesNo(em.party_member === 1), to: yesNo(m.partyMember) });
  }
  return out;
}

function previewOf(plans: Plan[], errors: RowError[], examples: number): ImportPreview {
  const households = plans.map((p): PreviewHousehold => {
    const changes = changesOf(p);
    return {
      row: p.h.row,
      kind: !p.existing ? 'new' : changes.length ? 'changed' : 'unchanged',
      cardNo: p.existing?.card_no ?? p.h.cardNo,
      headName: p.h.headName,
      group: p.h.group,
      members: p.existing ? [] : p.h.members.map((m) => m.name),
      changes,
    };
  });
  const n = (k: PreviewHousehold['kind']) => households.filter((x) => x.kind === k).length;
  // The ids of matched rows are part of the plan: the same file against a changed database plans differently.
  const fingerprint = JSON.stringify([households, plans.map((p) => [p.existing?.id ?? 0, p.members.map((m) => m.existing?.id ?? 0)]), errors]);
  return {
    planId: createHash('sha256').update(fingerprint).digest('hex').slice(0, 16),
    created: n('new'),
    updated: n('changed'),
    unchanged: n('unchanged'),
    errors,
    examples,
    households,
  };
}

/** What importing the file would do, household by household, writing nothing. */
export function previewRoster(db: DB, households: RosterHousehold[], fileErrors: RowError[], examples: number): ImportPreview {
  const { plans, errors } = planRoster(db, households, fileErrors);
  return previewOf(plans, errors, examples);
}

/**
 * Applies a grouped roster in the caller's transaction, or nothing at all. With `planId` (from the
 * preview the clerk confirmed), the file must still plan exactly that against the database.
 */
export function importRoster(ctx: Ctx, households: RosterHousehold[], fileErrors: RowError[], examples: number, planId?: string): ImportResult {
  const db = ctx.db;
  const { plans, errors } = planRoster(db, households, fileErrors);
  if (planId !== undefined && previewOf(plans, errors, examples).planId !== planId) {
    throw new AppError('CONFLICT', '花名册在预览之后有变动，请重新预览后再确认导入 (the roster changed since the preview)', { reason: 'import_plan_changed' });
  }
  if (errors.length > 0) return { created: 0, updated: 0, unchanged: 0, errors };

  const updateHousehold = stmt(db, 'UPDATE households SET head_name = ?, name_initials = ?, grp = ?, phone = ?, phone_last4 = ? WHERE id = ?');
  const updateMember = stmt(db, 'UPDATE members SET name = ?, name_initials = ?, relation = ?, id_no = ?, party_member = ?, active = 1 WHERE id = ?');
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  // Households with a card in the file first, so a generated number never takes one the file names.
  const ordered = [...plans.filter((p) => p.h.cardNo), ...plans.filter((p) => !p.h.cardNo)];
  for (const { h, existing, members } of ordered) {
    if (!existing) {
      const householdId = insertHouseholdRow(ctx, { cardNo: h.cardNo || nextCardNo(ctx), headName: h.headName, group: h.group, phone: h.phone });
      for (const { m } of members) insertMemberRow(ctx, householdId, m);
      created++;
      continue;
    }
    let changed = false;
    const phone = h.phone || existing.phone;
    if (existing.head_name !== h.headName || existing.grp !== h.group || existing.phone !== phone) {
      updateHousehold.run(h.headName, pinyinInitials(h.headName), h.group, phone, phone.replace(/\D/g, '').slice(-4), existing.id);
      changed = true;
    }
    for (const { m, existing: em } of members) {
      if (!em) {
        insertMemberRow(ctx, existing.id, m);
        changed = true;
        continue;
      }
      const idNo = keptIdNo(m, em);
      if (em.name !== m.name || em.relation !== m.relation || em.id_no !== idNo || (em.party_member === 1) !== m.partyMember) {
        updateMember.run(m.name, pinyinInitials(m.name), m.relation, idNo, m.partyMember ? 1 : 0, em.id);
        changed = true;
      }
    }
    if (changed) updated++;
    else unchanged++;
  }
  return { created, updated, unchanged, errors: [] };
}
