import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { displayChannelName, parseDisplayMessage, type DisplayState } from './messages';
import { displayView, type CounterSnapshot } from './view';

type Counter = Omit<CounterSnapshot, 'lastAt'> & { village: string; last: (CounterSnapshot['last'] & { redemptionId: number }) | null };

/**
 * Keeps the customer display (#/display, in another window of this machine) in step with the counter:
 * every change is posted on a BroadcastChannel, and a display that opens late says hello to get it.
 */
export function useCustomerDisplay({ village, household, cart, last }: Counter): void {
  const { lang } = useI18n();
  const channel = useRef<BroadcastChannel | null>(null);
  const latest = useRef<DisplayState | null>(null);
  const stamp = useRef<{ id: number; at: number } | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(displayChannelName);
    channel.current = ch;
    ch.onmessage = (e: MessageEvent) => {
      if (parseDisplayMessage(e.data)?.kind === 'hello' && latest.current) ch.postMessage(latest.current);
    };
    if (latest.current) ch.postMessage(latest.current);
    return () => {
      channel.current = null;
      ch.close();
    };
  }, []);

  useEffect(() => {
    // The result's clock starts when the counter first sees it, not when a late display asks.
    if (last && stamp.current?.id !== last.redemptionId) stamp.current = { id: last.redemptionId, at: Date.now() };
    const lastAt = last ? (stamp.current?.at ?? null) : null;
    const msg: DisplayState = { kind: 'state', lang, village, view: displayView({ household, cart, last, lastAt }) };
    latest.current = msg;
    channel.current?.postMessage(msg);
  }, [lang, village, household, cart, last]);
}

/** The display's address in this app (http://… in a browser, app://pos/ in the desktop app). */
export const displayHref = (): string => new URL('#/display', window.location.href).href;

/**
 * A new window, without an opener: it needs nothing of the counter's but the channel, and so does not
 * even inherit the counter tab's session storage. The desktop app turns this into its own window.
 */
export function openCustomerDisplay(): void {
  window.open(displayHref(), 'pos-customer-display', 'noopener,popup,width=1024,height=768');
}
