/**
 * The status and honesty rules the plan's children share: progress and attainment as
 * percentages, the colour of each status, and when an initiative is overdue. Pure.
 */

/**
 * Progress toward an objective's target as a percentage (may exceed 100); null when it cannot
 * be computed (no target, a zero target, or no current value).
 */
export function progressPercent(current, target) {
  if (typeof current !== 'number' || typeof target !== 'number' || target === 0) {
    return null;
  }
  return (current / target) * 100;
}

const OBJECTIVE_TONE = {
  'On track': 'success',
  Achieved: 'success',
  'At risk': 'warning',
  'Off track': 'error'
};
const INITIATIVE_TONE = { Active: 'success', Completed: 'inverse' };
const OPEN_INITIATIVE = new Set(['Proposed', 'Active']);

/** Badge and bar colour of an objective's status: green on track, amber at risk, red off track. */
export function objectiveTone(status) {
  return OBJECTIVE_TONE[status] || 'neutral';
}

/** An open initiative (Proposed or Active) whose target date has passed. */
export function isInitiativeOverdue(initiative, today) {
  return (
    OPEN_INITIATIVE.has(initiative.status) &&
    typeof initiative.targetDate === 'string' &&
    initiative.targetDate < today
  );
}

export function initiativeTone(initiative, today) {
  return isInitiativeOverdue(initiative, today)
    ? 'error'
    : INITIATIVE_TONE[initiative.status] || 'neutral';
}

/**
 * Attainment: trailing-twelve-months revenue as a percentage of the plan's revenue target
 * (the revenue aimed for at plan end); null without a positive target or a known TTM.
 */
export function attainmentPercent(revenueTtm, revenueTarget) {
  if (typeof revenueTtm !== 'number' || typeof revenueTarget !== 'number' || revenueTarget <= 0) {
    return null;
  }
  return (revenueTtm / revenueTarget) * 100;
}
