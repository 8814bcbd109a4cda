import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { rankBoards, type BoardRow } from '../../rules/board.js';
import { boardPeriod, type BoardBasis, type Quarter } from '../../rules/period.js';
import { getSetting } from '../../settings.js';
import { stmt } from '../../statements.js';
import { cutoffAt } from '../households/account-query.js';
import { householdScores, type HouseholdScore } from './scores.js';
import { householdScoresFromTotals } from './totals.js';

export interface BoardSettings {
  basis: BoardBasis;
}
export const defaultBoardSettings: BoardSettings = { basis: 'quarter' };
export const boardSettings = (db: DB): BoardSettings => ({ ...defaultBoardSettings, ...getSetting<Partial<BoardSettings>>(db, 'boards', {}) });

export type BoardEntry = BoardRow<HouseholdScore>;
export interface Board {
  year: number;
  quarter: Quarter;
  basis: BoardBasis;
  from: string;
  to: string;
  red: BoardEntry[];
  black: BoardEntry[];
}

export function computeBoard(ctx: Ctx, year: number, quarter: Quarter): Board {
  const { basis } = boardSettings(ctx.db);
  const { from, to } = boardPeriod(year, quarter, basis);
  const cutoff = cutoffAt(ctx.db, ctx.now);
  // A board's period is whole months (a quarter, or the year to its end): the month totals of migration 008 serve it.
  const { red, black } = rankBoards(householdScoresFromTotals(ctx.db, from, to, cutoff) ?? householdScores(ctx.db, from, to, cutoff));
  return { year, quarter, basis, from, to, red, black };
}

interface PublicationRow {
  id: number;
  year: number;
  quarter: Quarter;
  action: 'publish' | 'withdraw';
  basis: BoardBasis | null;
  period_from: string | null;
  period_to: string | null;
  snapshot: string | null;
  withdraws_id: number | null;
  reason: string;
  at: string;
  user_name: string;
  withdrawn_by: number | null;
}

const selectPublications = `SELECT p.*, u.name AS user_name, w.id AS withdrawn_by
  FROM board_publications p JOIN users u ON u.id = p.user_id LEFT JOIN board_publications w ON w.withdraws_id = p.id`;

export interface Publication {
  id: number;
  year: number;
  quarter: Quarter;
  action: 'publish' | 'withdraw';
  at: string;
  userName: string;
  reason: string;
  /** For a publication: taken down since (撤榜)? For a withdrawal: the publication it took down. */
  withdrawn: boolean;
  withdrawsId: number | null;
  board: Board | null;
}

function toPublication(r: PublicationRow): Publication {
  const snap = r.snapshot ? (JSON.parse(r.snapshot) as { red: BoardEntry[]; black: BoardEntry[] }) : null;
  return {
    id: r.id,
    year: r.year,
    quarter: r.quarter,
    action: r.action,
    at: r.at,
    userName: r.user_name,
    reason: r.reason,
    withdrawn: r.withdrawn_by !== null,
    withdrawsId: r.withdraws_id,
    board:
      snap && r.basis && r.period_from && r.period_to
        ? { year: r.year, quarter: r.quarter, basis: r.basis, from: r.period_from, to: r.period_to, red: snap.red, black: snap.black }
        : null,
  };
}

/** The publication of a quarter that is up on the board now: the latest one, unless withdrawn. */
export function inForce(db: DB, year: number, quarter: Quarter): Publication | null {
  const r = stmt(db, `${selectPublications} WHERE p.year = ? AND p.quarter = ? AND p.action = 'publish' ORDER BY p.id DESC LIMIT 1`).get(year, quarter) as
    PublicationRow | undefined;
  return r && r.withdrawn_by === null ? toPublication(r) : null;
}

/** The newest board still up, of any quarter: what the TV in the supermarket shows. */
export function latestInForce(db: DB): Publication | null {
  const r = stmt(db, `${selectPublications} WHERE p.action = 'publish' AND w.id IS NULL ORDER BY p.year DESC, p.quarter DESC, p.id DESC LIMIT 1`).get() as
    PublicationRow | undefined;
  return r ? toPublication(r) : null;
}

export function history(db: DB, year?: number, quarter?: Quarter): Publication[] {
  return (
    stmt(db, `${selectPublications} WHERE (@year IS NULL OR p.year = @year) AND (@quarter IS NULL OR p.quarter = @quarter) ORDER BY p.id DESC`).all({
      year: year ?? null,
      quarter: quarter ?? null,
    }) as PublicationRow[]
  ).map(toPublication);
}

/**
 * Freezes the board as computed now. A quarter has at most one board up: to correct one, withdraw
 * it (with a reason) and publish again, so the history shows both.
 */
export function publish(ctx: Ctx, year: number, quarter: Quarter, note?: string): Publication {
  const board = computeBoard(ctx, year, quarter);
  if (board.from > ctx.today)
    throw new AppError('INVALID_INPUT', `${year}年第${quarter}季度尚未开始，不能发布 (quarter has not started)`, {
      reason: 'quarter_not_started',
      year,
      quarter,
    });
  const current = inForce(ctx.db, year, quarter);
  if (current) {
    throw new AppError('CONFLICT', `${year}年第${quarter}季度红黑榜已发布，请先撤榜再重新发布 (already published)`, {
      reason: 'board_published',
      year,
      quarter,
      publicationId: current.id,
    });
  }
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO board_publications (year, quarter, action, basis, period_from, period_to, snapshot, reason, user_id, at)
    VALUES (?, ?, 'publish', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(year, quarter, board.basis, board.from, board.to, JSON.stringify({ red: board.red, black: board.black }), note ?? '', ctx.me.id, ctx.nowIso)
      .lastInsertRowid,
  );
  ctx.emit('board.publish', { id, year, quarter, basis: board.basis, from: board.from, to: board.to, red: board.red, black: board.black });
  return history(ctx.db, year, quarter).find((p) => p.id === id)!;
}

export function withdraw(ctx: Ctx, year: number, quarter: Quarter, reason: string): Publication {
  const current = inForce(ctx.db, year, quarter);
  if (!current)
    throw new AppError('CONFLICT', `${year}年第${quarter}季度没有在榜的红黑榜 (nothing published to withdraw)`, {
      reason: 'board_not_published',
      year,
      quarter,
    });
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO board_publications (year, quarter, action, withdraws_id, reason, user_id, at)
    VALUES (?, ?, 'withdraw', ?, ?, ?, ?)`,
    ).run(year, quarter, current.id, reason, ctx.me.id, ctx.nowIso).lastInsertRowid,
  );
  ctx.emit('board.withdraw', { id, year, quarter, withdrawsId: current.id, reason });
  return history(ctx.db, year, quarter).find((p) => p.id === id)!;
}
