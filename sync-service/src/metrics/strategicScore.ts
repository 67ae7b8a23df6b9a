// DESIGN.md "Strategic_Score__c" = 100 × Σ wᵢ·xᵢ / Σ wᵢ over six criteria, computed exactly
// (weights in hundredths, criteria as fractions) and rounded once to Number(5,1).
import type { DataQualityLog } from './dataQuality';
import { roundedBigIntDivision } from './money';
import type { Fraction } from './percentileRank';
import type { PlanInput, WeightInput } from './types';

export const SCORE_CRITERIA = [
  'Revenue_Concentration',
  'Lifetime_Value',
  'Influence',
  'Co_Innovation',
  'Collaboration',
  'Risk'
] as const;
export type ScoreCriterion = (typeof SCORE_CRITERIA)[number];

/** Weights in hundredths (Weight__c is Number(5,2)). */
export type ScoreWeights = Record<ScoreCriterion, number>;

function isCriterion(name: string): name is ScoreCriterion {
  return (SCORE_CRITERIA as readonly string[]).includes(name);
}

/** Weights by criterion from Strategic_Score_Weight__mdt records; unknown, invalid and duplicate records are reported. */
export function scoreWeights(records: readonly WeightInput[], log: DataQualityLog): ScoreWeights {
  const weights = Object.fromEntries(
    SCORE_CRITERIA.map((criterion) => [criterion, 0])
  ) as ScoreWeights;
  const seen = new Set<string>();
  for (const { criterion, weight } of records) {
    if (!isCriterion(criterion)) {
      log.record('unknownScoreCriterion', String(criterion));
      continue;
    }
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      log.record('invalidScoreWeight', criterion);
      continue;
    }
    if (seen.has(criterion)) log.record('duplicateScoreCriterion', criterion);
    seen.add(criterion);
    weights[criterion] += Math.round(weight * 100);
  }
  return weights;
}

const MISSING_RATING: Fraction = { numerator: 1, denominator: 2 };

/** (rating − 1)/4 for influence, co-innovation, collaboration; a missing rating counts ½. */
export function ratingScore(rating: number | null): Fraction {
  return rating === null ? MISSING_RATING : { numerator: rating - 1, denominator: 4 };
}

/** 1 − (rating − 1)/4 for risk: a high risk rating lowers the score. */
export function riskScore(rating: number | null): Fraction {
  return rating === null ? MISSING_RATING : { numerator: 5 - rating, denominator: 4 };
}

export function planCriteria(
  plan: PlanInput | undefined
): Pick<
  Record<ScoreCriterion, Fraction>,
  'Influence' | 'Co_Innovation' | 'Collaboration' | 'Risk'
> {
  return {
    Influence: ratingScore(plan?.influenceRating ?? null),
    Co_Innovation: ratingScore(plan?.coInnovationRating ?? null),
    Collaboration: ratingScore(plan?.collaborationRating ?? null),
    Risk: riskScore(plan?.riskRating ?? null)
  };
}

/** The score 0–100 with one decimal; null when every weight is 0. */
export function strategicScore(
  criteria: Record<ScoreCriterion, Fraction>,
  weights: ScoreWeights
): number | null {
  let weightSum = 0n;
  let denominator = 1n;
  for (const criterion of SCORE_CRITERIA) {
    weightSum += BigInt(weights[criterion]);
    denominator *= BigInt(criteria[criterion].denominator);
  }
  if (weightSum === 0n) return null;
  // Σ wᵢ·xᵢ over the common denominator Π dᵢ.
  let numerator = 0n;
  for (const criterion of SCORE_CRITERIA) {
    const { numerator: n, denominator: d } = criteria[criterion];
    numerator += BigInt(weights[criterion]) * BigInt(n) * (denominator / BigInt(d));
  }
  return Number(roundedBigIntDivision(1000n * numerator, denominator * weightSum)) / 10;
}

/** One criterion behind the score, as Score_Criteria__c stores it for the account plan to show. */
export interface ScoreCriterionPart {
  criterion: ScoreCriterion;
  /** Weight__c as the admin set it (sum over duplicate records). */
  weight: number;
  /** The criterion 0–1, to four decimals. */
  value: number;
}

/**
 * The six criteria with their weights and values (JSON for Score_Criteria__c), so the score can be
 * opened to its parts; null when there is no score (every weight 0).
 */
export function scoreCriteria(
  criteria: Record<ScoreCriterion, Fraction>,
  weights: ScoreWeights
): string | null {
  if (SCORE_CRITERIA.every((criterion) => weights[criterion] === 0)) return null;
  const parts: ScoreCriterionPart[] = SCORE_CRITERIA.map((criterion) => {
    const { numerator, denominator } = criteria[criterion];
    return {
      criterion,
      weight: weights[criterion] / 100,
      value: Math.round((10000 * numerator) / denominator) / 10000
    };
  });
  return JSON.stringify(parts);
}
