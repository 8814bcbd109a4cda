import { competitionRank, upToRank } from './ranking.js';

export const awardKinds = ['star_party_member', 'civilized_household', 'filial_family', 'moral_model'] as const;
export type AwardKind = (typeof awardKinds)[number];

export const awardNames: Record<AwardKind, string> = {
  star_party_member: '星级党员',
  civilized_household: '文明户',
  filial_family: '孝道家庭',
  moral_model: '道德模范',
};

/** Who an award goes to: 星级党员 and 道德模范 honour a person, 文明户 and 孝道家庭 a household. */
export const awardSubject: Record<AwardKind, 'person' | 'household'> = {
  star_party_member: 'person',
  civilized_household: 'household',
  filial_family: 'household',
  moral_model: 'person',
};

export const filialCategory = '孝老爱亲';

/** Year totals for one household or one person, from approved entries only. */
export interface AwardSubjectTotals {
  householdId: number;
  headName: string;
  personId?: number;
  personName?: string;
  partyMember?: boolean;
  /** Household score, or for a person the net of the entries attributed to them. */
  score: number;
  /** Net 孝老爱亲 points of the household (awards less reversals of them). */
  filialPoints?: number;
  /** 孝老爱亲 deductions still standing (not reversed). */
  filialDeductions?: number;
  /** 孝道家庭 only: the household's whole score, shown beside the filial points it ranks by. */
  householdScore?: number;
}

export type Candidate<T extends AwardSubjectTotals = AwardSubjectTotals> = T & { rank: number };

/**
 * The ranked candidate list the app proposes; people decide. Only a positive basis can rank:
 * nobody is proposed for an honour on zero or negative points.
 */
export function selectCandidates<T extends AwardSubjectTotals>(award: AwardKind, subjects: readonly T[], maxRank?: number): Candidate<T>[] {
  let pool: T[];
  switch (award) {
    case 'star_party_member':
      pool = subjects.filter((s) => s.personId !== undefined && s.partyMember);
      break;
    case 'moral_model':
      pool = subjects.filter((s) => s.personId !== undefined);
      break;
    case 'civilized_household':
      pool = subjects.filter((s) => s.personId === undefined);
      break;
    case 'filial_family':
      // The filial points are the basis of this honour, so they are what the rank shows.
      pool = subjects
        .filter((s) => s.personId === undefined && (s.filialPoints ?? 0) > 0 && (s.filialDeductions ?? 0) === 0)
        .map((s) => ({ ...s, householdScore: s.score, score: s.filialPoints ?? 0 }));
      break;
  }
  const ranked = competitionRank(
    pool.filter((s) => s.score > 0),
    (s) => s.score,
    'desc',
    (a, b) => a.householdId - b.householdId || (a.personId ?? 0) - (b.personId ?? 0),
  );
  return maxRank === undefined ? ranked : upToRank(ranked, maxRank);
}
