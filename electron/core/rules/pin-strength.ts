/**
 * A PIN an administrator may choose: 6–12 digits, and not one that anybody would guess first
 * (one digit repeated, or a run up or down such as 123456 or 987654).
 */
export type PinProblem = 'format' | 'repeated' | 'sequence';

export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d{6,12}$/.test(pin)) return 'format';
  if (/^(\d)\1+$/.test(pin)) return 'repeated';
  const steps = new Set([...pin].slice(1).map((c, i) => (Number(c) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && (steps.has(1) || steps.has(9))) return 'sequence';
  return null;
}

export const pinMessages: Record<PinProblem, string> = {
  format: 'PIN 应为 6-12 位数字 (the PIN has 6 to 12 digits)',
  repeated: 'PIN 不能是同一个数字重复 (the PIN must not repeat one digit)',
  sequence: 'PIN 不能是连续数字，如 123456 (the PIN must not be a run such as 123456)',
};
