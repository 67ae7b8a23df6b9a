// The org's daily API budget as Salesforce reports it on every REST answer
// (`Sforce-Limit-Info: api-usage=used/limit`), and the reserve the service must leave untouched.
import { ApiBudgetExhaustedError } from './errors';

export interface ApiUsage {
  used: number;
  limit: number;
}

export function parseLimitInfo(header: string | undefined | null): ApiUsage | null {
  const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
  return match ? { used: Number(match[1]), limit: Number(match[2]) } : null;
}

/** Calls left before the reserve: `limit × (1 − reserve%) − used` (negative once inside the reserve). */
export function callsBeforeReserve(usage: ApiUsage, reservePercent: number): number {
  return Math.floor((usage.limit * (100 - reservePercent)) / 100) - usage.used;
}

/** Throws when the next call would eat into the reserve. */
export function assertBudget(usage: ApiUsage | null, reservePercent: number): void {
  if (!usage) return;
  if (callsBeforeReserve(usage, reservePercent) <= 0) {
    throw new ApiBudgetExhaustedError(
      `API budget reserve reached: ${usage.used}/${usage.limit} daily requests used, ${reservePercent}% kept in reserve`,
      usage.used,
      usage.limit
    );
  }
}
