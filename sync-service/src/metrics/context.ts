// Validation of the run's context. Configuration and plan data that break the contract throw
// an error naming the field (the caller has a bug); opportunity data never throws (it is
// reported in the data-quality report instead).
import { parseDay } from './calendar';
import type { MetricsContext } from './types';

function fail(field: string, problem: string): never {
  throw new Error(`metrics: ${field} ${problem}`);
}

function checkDate(value: unknown, field: string): number {
  const day = typeof value === 'string' && value.length === 10 ? parseDay(value) : Number.NaN;
  if (Number.isNaN(day)) fail(field, `must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return day;
}

function checkMoney(value: unknown, field: string): void {
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
    fail(field, 'must be a finite number or null');
}

function checkRating(value: unknown, field: string): void {
  if (
    value !== null &&
    !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5)
  ) {
    fail(field, 'must be a whole number 1–5 or null');
  }
}

/** Throws on a context the engine cannot interpret; returns the as-of day number. */
export function validateContext(ctx: MetricsContext): number {
  const asOfDay = checkDate(ctx.asOf, 'asOf');
  const month = ctx.org?.fiscalYearStartMonth;
  if (!(Number.isInteger(month) && month >= 1 && month <= 12))
    fail('org.fiscalYearStartMonth', 'must be a whole number 1–12');
  if (typeof ctx.org.corporateCurrency !== 'string' || ctx.org.corporateCurrency === '') {
    fail('org.corporateCurrency', 'must be an ISO currency code');
  }
  const ids = new Set<string>();
  ctx.accounts.forEach((account, i) => {
    if (typeof account.id !== 'string' || account.id === '')
      fail(`accounts[${i}].id`, 'must be a non-empty string');
    if (ids.has(account.id)) fail(`accounts[${i}].id`, `duplicates ${account.id}`);
    ids.add(account.id);
  });
  ctx.plans.forEach((plan, i) => {
    if (plan.startDate !== null) checkDate(plan.startDate, `plans[${i}].startDate`);
    checkMoney(plan.revenueTarget, `plans[${i}].revenueTarget`);
    checkRating(plan.influenceRating, `plans[${i}].influenceRating`);
    checkRating(plan.coInnovationRating, `plans[${i}].coInnovationRating`);
    checkRating(plan.collaborationRating, `plans[${i}].collaborationRating`);
    checkRating(plan.riskRating, `plans[${i}].riskRating`);
  });
  ctx.initiatives.forEach((initiative, i) => {
    checkMoney(initiative.customerValueRealized, `initiatives[${i}].customerValueRealized`);
    checkMoney(initiative.supplierValueRealized, `initiatives[${i}].supplierValueRealized`);
  });
  return asOfDay;
}
