// JSON logs with pino. Tokens, passwords and keys are redacted wherever they appear in a logged
// object, so an error carrying a request or a config never leaks a secret.
import pino, { type Logger } from 'pino';

export type { Logger };

export const REDACTED_PATHS = [
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'refreshToken',
  '*.refreshToken',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'assertion',
  '*.assertion',
  'privateKey',
  '*.privateKey',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'SF_PASSWORD',
  '*.SF_PASSWORD',
  'SF_CLIENT_SECRET',
  '*.SF_CLIENT_SECRET',
  'SF_PRIVATE_KEY',
  '*.SF_PRIVATE_KEY',
  'API_TOKEN',
  '*.API_TOKEN'
];

/** Logs go to stderr by default so the CLI's stdout carries only its JSON summary. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { service: 'tandem-sync' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime
    },
    destination
  );
}
