import fc from 'fast-check';
import { assertBudget, callsBeforeReserve } from './apiBudget';
import { ApiBudgetExhaustedError, isConcurrentLimit, isRequestLimitExceeded, isTransient } from './errors';
import { backoffDelay, withRetry } from './retry';

describe('retries', () => {
  it('waits a random time up to base × 2^(n−1), capped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
        const delay = backoffDelay(retry, { attempts: 5, baseMs: 100, maxMs: 5000 }, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(5000, 100 * 2 ** (retry - 1)));
      })
    );
  });

  it('retries transient failures and gives up after the attempts', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('Server temporarily unavailable'), { errorCode: 'SERVER_UNAVAILABLE' });
      return 'ok';
    };
    await expect(withRetry(flaky, { attempts: 5, baseMs: 1 })).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    const down = async () => {
      calls++;
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    };
    await expect(withRetry(down, { attempts: 2, baseMs: 1 })).rejects.toThrow('socket hang up');
    expect(calls).toBe(3);
  });

  it('does not retry errors that will not go away', async () => {
    let calls = 0;
    const invalid = async () => {
      calls++;
      throw Object.assign(new Error('No such column'), { errorCode: 'INVALID_FIELD' });
    };
    await expect(withRetry(invalid, { attempts: 5, baseMs: 1 })).rejects.toThrow('No such column');
    expect(calls).toBe(1);
    expect(isTransient(Object.assign(new Error('x'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' }))).toBe(false);
    expect(isTransient(Object.assign(new Error('x'), { errorCode: 'ERROR_HTTP_502' }))).toBe(true);
  });
});

describe('request limits', () => {
  // Salesforce answers both with 403 REQUEST_LIMIT_EXCEEDED; only the message tells them apart.
  const concurrent = Object.assign(new Error('ConcurrentRequests (Concurrent API Requests) Limit exceeded.'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' });
  const daily = Object.assign(new Error('TotalRequests Limit exceeded.'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' });

  it('retries the concurrent-request limit shortly and stops on the daily limit', async () => {
    expect([isConcurrentLimit(concurrent), isTransient(concurrent), isRequestLimitExceeded(concurrent)]).toEqual([true, true, false]);
    expect([isConcurrentLimit(daily), isTransient(daily), isRequestLimitExceeded(daily)]).toEqual([false, false, true]);
    let calls = 0;
    const busy = async () => {
      calls++;
      if (calls < 3) throw concurrent;
      return 'ok';
    };
    await expect(withRetry(busy, { attempts: 5, baseMs: 1 })).resolves.toBe('ok');
    expect(calls).toBe(3);
  });
});

describe('API budget', () => {
  it('stops at the reserve', () => {
    // 15000 × 90% = 13500 usable: 13499 used leaves one call, 13500 none.
    expect(callsBeforeReserve({ used: 13499, limit: 15000 }, 10)).toBe(1);
    expect(() => assertBudget({ used: 13499, limit: 15000 }, 10)).not.toThrow();
    expect(() => assertBudget({ used: 13500, limit: 15000 }, 10)).toThrow(ApiBudgetExhaustedError);
    expect(() => assertBudget(null, 10)).not.toThrow();
  });
});
