// Salesforce's error shape: HTTP status plus `[{"message","errorCode","fields"}]` (collections
// report the same under `statusCode`).

export interface ErrorEntry {
  errorCode: string;
  message: string;
  fields: string[];
}

export class SfError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fields: string[];

  constructor(status: number, errorCode: string, message: string, fields: string[] = []) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }

  entry(): ErrorEntry {
    return { errorCode: this.errorCode, message: this.message, fields: this.fields };
  }
}

/** A record-level failure (HTTP 400 when it is the whole answer). */
export function recordError(errorCode: string, message: string, fields: string[] = []): SfError {
  return new SfError(400, errorCode, message, fields);
}

export const notFound = (message = 'The requested resource does not exist'): SfError => new SfError(404, 'NOT_FOUND', message);

export const malformedQuery = (message: string): SfError => new SfError(400, 'MALFORMED_QUERY', message);
