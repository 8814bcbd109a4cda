/**
 * Pure helpers of the county pages: which areas a user may pick, how a village stands against a
 * median, how an instant reads. Tested beside this file.
 */
import { levelOf, parentOf } from '@shared/county/areas';

export interface Area {
  code: string;
  level: string;
  parent: string | null;
  name: string;
}

/** The areas a user may read (the server already filtered them): their own and everything below, county first, then each town followed by its villages. */
export function scopeOptions(areas: Area[], own: string): Area[] {
  const inside = areas.filter((a) => a.code === own || isUnder(a.code, own));
  const order = (a: Area) => (a.level === 'county' ? a.code : a.level === 'town' ? `${a.code}0` : `${parentOf(a.code) ?? ''}1${a.code}`);
  return inside.sort((a, b) => order(a).localeCompare(order(b)));
}

function isUnder(code: string, outer: string): boolean {
  const level = levelOf(outer);
  if (level === 'county') return code.startsWith(outer.slice(0, 6)) && code !== outer;
  if (level === 'town') return code.startsWith(outer.slice(0, 9)) && code !== outer;
  return false;
}

/** Why a code typed into 登记 cannot be registered yet, or null: format, level, parent missing, taken. */
export type CodeProblem = 'format' | 'level' | 'no_parent' | 'taken' | 'outside';
export function codeProblem(code: string, want: 'town' | 'village', areas: Area[], county: string): CodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'format';
  if (levelOf(code) !== want) return 'level';
  if (!code.startsWith(county.slice(0, 6))) return 'outside';
  if (areas.some((a) => a.code === code)) return 'taken';
  const parent = parentOf(code);
  if (!parent || !areas.some((a) => a.code === parent)) return 'no_parent';
  return null;
}

/** A village's figure beside a median: above, below or level with it (null when there is no median). */
export function versus(value: number, median: number | null | undefined): 'above' | 'below' | 'level' | null {
  if (median === null || median === undefined) return null;
  if (value > median) return 'above';
  if (value < median) return 'below';
  return 'level';
}

/** An instant as the county reads it: "2026-12-05 13:20" in Asia/Shanghai; null stays null. */
export function asOfText(iso: string | null, timeZone = 'Asia/Shanghai'): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Fen as yuan with two decimals and grouping: 123456 → "1,234.56". */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Households with any approved entry, as a share of all households, one decimal: 0 with none. */
export function participationPct(participating: number, households: number): number {
  return households ? Math.round((participating / households) * 1000) / 10 : 0;
}

/** The progress-report period whose end is next on or after today (6月底 / 9月底 / 12月底). */
export function currentPeriod(today: string): 'jun' | 'sep' | 'dec' {
  const month = Number(today.slice(5, 7));
  return month <= 6 ? 'jun' : month <= 9 ? 'sep' : 'dec';
}
