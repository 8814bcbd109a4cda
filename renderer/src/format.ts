/** Dates and times as the village sees them (its own time zone, never UTC), one format in both languages. */
import { villageDateTime as stamp } from '@shared/print/village-time';

const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "2026-04-12 09:05": the one way the app writes an instant, whatever the language (a browser's
 * locale would give "12/04/2026" in one place and "2026/4/12" in another). withTime false gives the date alone.
 */
export function villageDateTime(iso: string, timeZone = 'Asia/Shanghai', withTime = true): string {
  if (plainDate.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return stamp(d, timeZone).slice(0, withTime ? 16 : 10);
}

/** "2026-04-12": a village date; a plain date passes through untouched (it is already the village's). */
export const villageDate = (iso: string, timeZone = 'Asia/Shanghai') => villageDateTime(iso, timeZone, false);

export function villageTime(iso: string, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return stamp(d, timeZone).slice(11);
}

/** "2026-11-29 星期日" from the server's local date; the weekday list comes from the messages. */
export function dateWithWeekday(date: string, weekdays: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  const names = weekdays.split(',');
  return `${date} ${names[day] ?? ''}`.trim();
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month's short name for axes and pickers: "3月" / "Mar"; from 1–12 or from "2026-03". */
export function monthName(month: number | string, lang: 'zh' | 'en'): string {
  const n = typeof month === 'number' ? month : Number(month.slice(5, 7));
  if (!(n >= 1 && n <= 12)) return String(month);
  return lang === 'zh' ? `${n}月` : monthsEn[n - 1];
}

/** A year as a label: "2026 年" / "2026". */
export const yearName = (year: number, lang: 'zh' | 'en') => (lang === 'zh' ? `${year} 年` : String(year));

/** Points with a sign where it matters (owed, remaining), grouped for long totals. */
export function formatPoints(n: number): string {
  return n.toLocaleString('en-US');
}

/** A file's size: "812 KB", "23.4 MB". */
export function fileSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
