import { useEffect } from 'react';

/**
 * Runs `read` now, on every page change and every minute while `on`. The counter stays open all day:
 * what the header shows (today's date, the rejected entries) must not wait for a reload.
 */
export function usePageAndMinute(read: () => void, page: string | null, on = true): void {
  useEffect(() => {
    if (!on) return;
    read();
    const timer = window.setInterval(read, 60_000);
    return () => window.clearInterval(timer);
  }, [read, page, on]);
}
