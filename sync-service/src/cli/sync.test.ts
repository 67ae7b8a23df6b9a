import { parseCli } from './sync';

describe('sync CLI arguments', () => {
  it('runs one incremental sync by default', () => {
    expect(parseCli(['--once'])).toEqual({ mode: 'incremental', accountId: undefined, asOf: undefined });
    expect(parseCli(['--once', '--mode', 'account', '--account', '001Dg0000000001', '--as-of', '2026-06-15'])).toEqual({
      mode: 'account',
      accountId: '001Dg0000000001',
      asOf: '2026-06-15'
    });
  });

  it.each([
    [[], /--once/],
    [['--once', '--mode', 'all'], /--mode/],
    [['--once', '--mode', 'account'], /--account/],
    [['--once', '--mode', 'account', '--account', "001' OR '1'='1"], /--account/],
    [['--once', '--account', '001Dg0000000001'], /--account: only with --mode account/],
    [['--once', '--as-of', '2026-02-30'], /--as-of/],
    [['--once', '--verbose'], /verbose/]
  ])('rejects %j naming the option', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });
});
