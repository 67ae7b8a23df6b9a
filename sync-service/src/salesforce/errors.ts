// Salesforce failures the service acts on: the daily API budget (stop cleanly, reschedule) and
// transient failures (retry). Everything else is a plain error that fails the run.

/** The org's daily API budget is spent, or only the reserve is left: stop now, try again later. */
export class ApiBudgetExhaustedError extends Error {
  constructor(
    message: string,
    readonly used: number | null,
    readonly limit: number | null
  ) {
    super(message);
    this.name = 'ApiBudgetExhaustedError';
  }
}

/** Salesforce's code, from a jsforce HttpApiError (`errorCode`) or a collection result (`statusCode`). */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { errorCode?: unknown; code?: unknown };
  if (typeof record.errorCode === 'string') return record.errorCode;
  if (typeof record.code === 'string') return record.code;
  return undefined;
}

const TRANSIENT_CODES = new Set([
  'SERVER_UNAVAILABLE',
  'UNKNOWN_EXCEPTION',
  'REQUEST_RUNNING_TOO_LONG',
  'UNABLE_TO_LOCK_ROW',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET'
]);

/** Codes of per-record failures (collection results, Bulk `sf__Error`) that a later try may not meet. */
const TRANSIENT_RECORD_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'UNKNOWN_EXCEPTION', 'SERVER_UNAVAILABLE']);

export function isTransientRecordCode(code: string | undefined): boolean {
  return code !== undefined && TRANSIENT_RECORD_CODES.has(code);
}

/**
 * Both of Salesforce's request limits answer 403 REQUEST_LIMIT_EXCEEDED; the message tells them
 * apart: "ConcurrentRequests (Concurrent API Requests) Limit exceeded." is too many long-running
 * requests at once (gone in seconds: retry shortly), "TotalRequests Limit exceeded." is the
 * daily budget (stop, try again hours later).
 */
export function isConcurrentLimit(error: unknown): boolean {
  if (errorCodeOf(error) !== 'REQUEST_LIMIT_EXCEEDED') return false;
  const message = error instanceof Error ? error.message : String((error as { message?: unknown }).message ?? '');
  return /ConcurrentRequests|Concurrent API Requests|ConcurrentPerOrg/i.test(message);
}

/** 5xx answers, dropped connections, garbled bodies and the concurrent-request limit: worth another try after a pause. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiBudgetExhaustedError) return false;
  if (isConcurrentLimit(error)) return true;
  const code = errorCodeOf(error);
  if (code && (TRANSIENT_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code) || code === 'ERROR_HTTP_429')) return true;
  if (error instanceof MalformedResponseError) return true;
  const message = error instanceof Error ? error.message : String(error);
  if (/socket hang up|ECONNRESET|network|fetch failed|premature close|Unexpected end of JSON/i.test(message)) return true;
  // Node's fetch: a body cut off mid-way is TypeError('terminated') caused by a socket error (an
  // error of Node's own realm: read by shape, not instanceof).
  const { message: own, cause } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; cause?: { code?: unknown } };
  return own === 'terminated' && typeof cause?.code === 'string' && /^(UND_ERR_SOCKET|ECONNRESET|EPIPE)$/.test(cause.code);
}

/** The daily API budget is spent (REQUEST_LIMIT_EXCEEDED other than the concurrent-request limit). */
export function isRequestLimitExceeded(error: unknown): boolean {
  return errorCodeOf(error) === 'REQUEST_LIMIT_EXCEEDED' && !isConcurrentLimit(error);
}

/** An answer that is not the JSON shape the call expects (a truncated or garbled body). */
export class MalformedResponseError extends Error {
  constructor(what: string) {
    super(`Malformed Salesforce response: ${what}`);
    this.name = 'MalformedResponseError';
  }
}
