/**
 * 长辈模式 (care mode) is a property of the terminal, not of who signs in: the shop's old PC keeps
 * large type for whoever sits there, so the choice lives in this machine's localStorage.
 */
export const careStorageKey = 'pos.care';

/** What this terminal chose; null when nobody has touched the switch here. */
export type CareChoice = 'on' | 'off' | null;

/** Anything but the two values we write (an older build's value, a hand edit) counts as no choice. */
export function parseCareChoice(raw: string | null | undefined): CareChoice {
  return raw === 'on' || raw === 'off' ? raw : null;
}

/**
 * A page may ask for care mode by default (the providers' phone page: barbers and plumbers read it
 * at arm's length); an explicit choice on this terminal, either way, always wins.
 */
export function careIsOn(choice: CareChoice, pageDefaultOn: boolean): boolean {
  return choice === null ? pageDefaultOn : choice === 'on';
}
