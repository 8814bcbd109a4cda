import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { createLoadQueue } from './load-queue';

/**
 * A page's data: runs `load` at once and again whenever it changes (give it a useCallback with the
 * filters it reads), with the table's loading flag and the page's error banner (cleared by a load
 * that works). `load` makes the calls and puts the results in the page's own state; `reload` runs it
 * again, e.g. after a save. Other failures on the page go to the same banner through setError.
 */
export function usePageLoad(load: () => Promise<void>) {
  const { errorText } = useI18n();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [enqueue] = useState(createLoadQueue);
  const reload = useCallback(
    () =>
      enqueue(async () => {
        setLoading(true);
        try {
          await load();
          setError(null);
        } catch (e) {
          setError(errorText(e));
        } finally {
          setLoading(false);
        }
      }),
    [enqueue, load, errorText],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { loading, error, setError, reload };
}

/**
 * A page's actions (save, restore, revoke…): one at a time (`busy` for the buttons), a failure on the
 * page's banner, and after one that worked the banner cleared, `done` told and the page reloaded.
 * `run` resolves true when the action worked, so a dialog can close.
 */
export function usePageAction(setError: (text: string | null) => void, reload: () => Promise<void>) {
  const { errorText } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>, done?: (result: T) => void): Promise<boolean> => {
      setBusy(true);
      try {
        const result = await action();
        done?.(result);
        setError(null);
        await reload();
        return true;
      } catch (e) {
        setError(errorText(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [setError, reload, errorText],
  );
  return { busy, run };
}
