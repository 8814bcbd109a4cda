import { describe, expect, it } from 'vitest';
import { selectCandidates, type AwardSubjectTotals } from './award-candidates.js';

const household = (householdId: number, score: number, filial?: { points: number; deductions: number }): AwardSubjectTotals => ({
  householdId,
  headName: `户${householdId}`,
  score,
  filialPoints: filial?.points ?? 0,
  filialDeductions: filial?.deductions ?? 0,
});
const person = (householdId: number, personId: number, score: number, partyMember = false): AwardSubjectTotals => ({
  householdId,
  headName: `户${householdId}`,
  personId,
  personName: `人${personId}`,
  partyMember,
  score,
});

const subjects = [
  household(1, 80, { points: 20, deductions: 0 }),
  household(2, 90, { points: 20, deductions: 1 }),
  household(3, 60, { points: 30, deductions: 0 }),
  household(4, -10),
  household(5, 60),
  person(1, 11, 15, true),
  person(1, 12, 25, false),
  person(3, 31, 15, true),
  person(5, 51, 0, true),
  person(5, 52, -5, true),
];

describe('award candidates', () => {
  it('文明户 ranks households by score, ties sharing a rank, nobody at or below zero', () => {
    expect(selectCandidates('civilized_household', subjects).map((c) => [c.householdId, c.rank, c.score])).toEqual([
      [2, 1, 90],
      [1, 2, 80],
      [3, 3, 60],
      [5, 3, 60],
    ]);
  });
  it('孝道家庭 needs 孝老爱亲 points and no standing deduction there, and ranks by those points', () => {
    expect(selectCandidates('filial_family', subjects).map((c) => [c.householdId, c.rank, c.score])).toEqual([
      [3, 1, 30],
      [1, 2, 20],
    ]);
  });
  it('星级党员 ranks party members by their own attributed points', () => {
    expect(selectCandidates('star_party_member', subjects).map((c) => [c.personId, c.rank, c.score])).toEqual([
      [11, 1, 15],
      [31, 1, 15],
    ]);
  });
  it('道德模范 ranks every person with attributed points', () => {
    expect(selectCandidates('moral_model', subjects).map((c) => [c.personId, c.rank])).toEqual([
      [12, 1],
      [11, 2],
      [31, 2],
    ]);
  });
  it('a cut at a rank keeps the ties', () => {
    expect(selectCandidates('civilized_household', subjects, 3)).toHaveLength(4);
    expect(selectCandidates('civilized_household', subjects, 2)).toHaveLength(2);
  });
});
