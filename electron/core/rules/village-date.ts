const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

// Every call asks for today's date (each handler's context), and Intl formatting costs several
// microseconds. Every zone's offset is a whole number of minutes, so one UTC minute lies within one
// village date: the last answer per zone is kept for its minute.
const lastByZone = new Map<string, { minute: number; date: string }>();

/** The calendar date (YYYY-MM-DD) of an instant in the village's time zone: points belong to that date, never a UTC one. */
export function villageDate(instant: Date, timeZone: string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastByZone.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = formatter(timeZone).format(instant);
  lastByZone.set(timeZone, { minute, date });
  return date;
}

/** The points year of a village date: points never carry over 1 January. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function villageYear(instant: Date, timeZone: string): number {
  return yearOf(villageDate(instant, timeZone));
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
