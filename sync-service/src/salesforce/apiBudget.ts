// The org's daily API budget as Salesforce reports it on every REST answer (`Sforce-Limit-Info:
// api-usage=used/limit`, kept by jsforce in conn.limitInfo), and the reserve the service leaves untouched.
import { ApiBudgetExhaustedError } from './errors';

export interface ApiUsage {
  used: number;
  limit: number;
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
