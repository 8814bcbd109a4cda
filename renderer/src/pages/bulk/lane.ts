/** What the fast lane knows between two key presses. */
export interface LaneState {
  /** The household whose cart is on screen, or null while waiting for a card. */
  proposal: { lines: unknown[]; problems: string[]; servedToday: string[] } | null;
  /** Enter was pressed once on a household already served today: the next Enter confirms. */
  repeatArmed: boolean;
  busy: boolean;
}

export type LaneAction =
  { kind: 'propose'; q: string } | { kind: 'redeem' } | { kind: 'arm-repeat' } | { kind: 'refuse'; why: 'no-card' | 'no-lines' | 'problems' | 'busy' };

/**
 * Enter in the scan field. Text in the field is a card (the scanner types it and presses Enter);
 * an empty Enter redeems what is proposed. A household already served today needs a second Enter,
 * so a card scanned twice in the queue is not served twice by accident. At most 3 keystrokes:
 * card+Enter, Enter (and Enter again only for a repeat).
 */
export function onEnter(value: string, s: LaneState): LaneAction {
  const q = value.trim();
  if (q) return { kind: 'propose', q };
  if (s.busy) return { kind: 'refuse', why: 'busy' };
  if (!s.proposal) return { kind: 'refuse', why: 'no-card' };
  if (s.proposal.lines.length === 0) return { kind: 'refuse', why: 'no-lines' };
  if (s.proposal.problems.length > 0) return { kind: 'refuse', why: 'problems' };
  if (s.proposal.servedToday.length > 0 && !s.repeatArmed) return { kind: 'arm-repeat' };
  return { kind: 'redeem' };
}

/** A card number as the scanner types it; anything else is looked up as a name. */
export const looksLikeCard = (q: string): boolean => /^[0-9A-Za-z-]{4,32}$/.test(q) && /\d/.test(q);
