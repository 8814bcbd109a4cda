/**
 * The instants that bound village dates: from 00:00 of `from` to 00:00 of the day after `to`, in the
 * village's time zone. Ledger rows store UTC instants; a report for "March" must mean March in the
 * village, not in UTC (16:30 UTC on 31 March is already 1 April in Asia/Shanghai).
 */
export function villageDayRange(from: string, to: string, timeZone: string): { startIso: string; endIso: string } {
  return { startIso: startOfVillageDay(from, timeZone).toISOString(), endIso: startOfVillageDay(nextDate(to), timeZone).toISOString() };
}

export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** 00:00 of a village date as an instant; the offset is taken twice so a DST change on that day lands right. */
export function startOfVillageDay(date: string, timeZone: string): Date {
  const wallMidnight = Date.parse(`${date}T00:00:00Z`);
  const guess = wallMidnight - offsetAt(wallMidnight, timeZone);
  return new Date(wallMidnight - offsetAt(guess, timeZone));
}
