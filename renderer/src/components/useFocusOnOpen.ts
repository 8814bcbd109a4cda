import { useEffect, type RefObject } from 'react';

/**
 * Puts the cursor in a dialog's first field as soon as it opens. antd's Modal first focuses its own
 * container after opening, so an early autoFocus is lost and a fast "type the number + Enter" would
 * go nowhere; this focuses after the Modal has done so, and once more after its open animation.
 */
export function useFocusOnOpen(open: boolean, ref: RefObject<{ focus(): void } | null>): void {
  useEffect(() => {
    if (!open) return;
    const timers = [0, 60, 250].map((ms) =>
      window.setTimeout(() => {
        const el = document.activeElement;
        // Leave the focus alone once the user is typing in one of the dialog's fields.
        if (el instanceof HTMLInputElement && el.closest('.ant-modal') && ms > 0) return;
        ref.current?.focus();
      }, ms),
    );
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [open, ref]);
}
