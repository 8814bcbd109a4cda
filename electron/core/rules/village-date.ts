const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of an instant in the village's time zone: points belong to that date, never a UTC one. */
export function villageDate(instant: Date, timeZone: string): string {
  return formatter(timeZone).format(instant);
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
