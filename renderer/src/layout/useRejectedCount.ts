import { useEffect, useState } from 'react';
import { call } from '../api/client';

/** Sent by the inbox after a resubmit, so the count drops at once rather than at the next minute. */
export const rejectedChanged = 'pos:rejected-changed';

/**
 * How many of the clerk's entries wait in 驳回待改. The reviewer may reject at any hour, so the count is read
 * again on every page change and every minute; a failed read keeps the last count rather than hiding the news.
 */
export function useRejectedCount(canSee: boolean, page: string | null): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!canSee) return;
    let live = true;
    const read = () =>
      void call('points.rejected', { limit: 1 }).then(
        (r) => live && setCount(r.total),
        () => undefined,
      );
    read();
    const timer = window.setInterval(read, 60_000);
    window.addEventListener(rejectedChanged, read);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener(rejectedChanged, read);
    };
  }, [canSee, page]);
  return canSee ? count : 0;
}
