import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { usePageAndMinute } from './usePageAndMinute';

/** Sent by the inbox after a resubmit, so the count drops at once rather than at the next minute. */
export const rejectedChanged = 'pos:rejected-changed';

/**
 * How many of the clerk's entries wait in 驳回待改. The reviewer may reject at any hour, so the count is read
 * again on every page change and every minute; a failed read keeps the last count rather than hiding the news.
 */
export function useRejectedCount(canSee: boolean, page: string | null): number {
  const [count, setCount] = useState(0);
  // Only the newest read may set the count: an older answer arriving late would bring back a stale one.
  const newest = useRef(0);
  const read = useCallback(() => {
    const asked = ++newest.current;
    void call('points.rejected', { limit: 1 }).then(
      (r) => asked === newest.current && setCount(r.total),
      () => undefined,
    );
  }, []);
  usePageAndMinute(read, page, canSee);
  useEffect(() => {
    if (!canSee) return;
    window.addEventListener(rejectedChanged, read);
    return () => window.removeEventListener(rejectedChanged, read);
  }, [canSee, read]);
  return canSee ? count : 0;
}
