// Bearer token check in constant time (crypto.timingSafeEqual on SHA-256 digests, so the
// comparison takes the same time whatever the length of the token offered).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

function digest(text: string): Buffer {
  return crypto.createHash('sha256').update(text).digest();
}

export function tokenMatches(offered: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(offered), digest(expected));
}

export function requireBearer(expected: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'unauthorized', message: 'Authorization: Bearer <API_TOKEN> required' });
      return;
    }
    if (!tokenMatches(match[1]!, expected)) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"').status(401).json({ error: 'unauthorized', message: 'invalid token' });
      return;
    }
    next();
  };
}
