export interface RuleShape {
  kind: 'award' | 'deduction';
  points: number | null;
  minPoints: number | null;
  maxPoints: number | null;
  capPerYear: number | null;
}

export type PointsCheck =
  { ok: true; magnitude: number } | { ok: false; reason: 'rule_points_fixed' | 'rule_points_missing' | 'rule_points_out_of_range'; message: string };

/** A fixed rule gives its points; a range rule takes the recorder's choice, which must lie in the range. */
export function entryMagnitude(rule: RuleShape, given: number | undefined): PointsCheck {
  if (rule.points !== null) {
    if (given !== undefined && given !== rule.points) return { ok: false, reason: 'rule_points_fixed', message: `该条目固定为 ${rule.points} 分` };
    return { ok: true, magnitude: rule.points };
  }
  if (given === undefined) return { ok: false, reason: 'rule_points_missing', message: `请填写分值 (${rule.minPoints}–${rule.maxPoints})` };
  if (given < rule.minPoints! || given > rule.maxPoints!) {
    return { ok: false, reason: 'rule_points_out_of_range', message: `分值应在 ${rule.minPoints}–${rule.maxPoints} 之间` };
  }
  return { ok: true, magnitude: given };
}

/** The yearly cap counts what is already recorded and not rejected or reversed, so a batch cannot slip past it. */
export function withinCap(rule: RuleShape, usedThisYear: number, magnitude: number): boolean {
  return rule.capPerYear === null || usedThisYear + magnitude <= rule.capPerYear;
}

export function signed(rule: Pick<RuleShape, 'kind'>, magnitude: number): number {
  return rule.kind === 'award' ? magnitude : -magnitude;
}
