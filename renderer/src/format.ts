/** Dates and times as the village sees them (its own time zone, never UTC). */

export function villageTime(iso: string, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(d);
}

/** "2026-11-29 星期日" from the server's local date; the weekday list comes from the messages. */
export function dateWithWeekday(date: string, weekdays: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  const names = weekdays.split(',');
  return `${date} ${names[day] ?? ''}`.trim();
}

/** Points with a sign where it matters (owed, remaining), grouped for long totals. */
export function formatPoints(n: number): string {
  return n.toLocaleString('en-US');
}

/** A file's size: "812 KB", "23.4 MB". */
export function fileSize(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
