// A small interpreter for Salesforce formula syntax: enough for formula fields, default values and
// validation rules of the kind Tandem's metadata uses (IF, ISBLANK, TODAY, date arithmetic, AND/OR,
// comparisons, text functions, cross-object references). Anything else fails to compile with a
// message naming it, so the schema loader can report it instead of computing a wrong value.

export class FormulaDate {
  constructor(readonly day: number) {}
}
export class FormulaDateTime {
  constructor(readonly ms: number) {}
}
export type FormulaValue = number | string | boolean | FormulaDate | FormulaDateTime | null;

export interface FormulaContext {
  row: number;
  /** The org's TODAY() as epoch days and NOW() as epoch ms. */
  today: number;
  now: number;
  isNew: boolean;
  /** The value a field had before this change (validation rules: ISCHANGED / PRIORVALUE). */
  prior?: (path: string) => FormulaValue;
}

export type FieldResolver = (path: string) => (ctx: FormulaContext) => FormulaValue;
export type Compiled = (ctx: FormulaContext) => FormulaValue;

export class FormulaError extends Error {}

type Token = { kind: 'num' | 'str' | 'id' | 'op' | 'eof'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (/[0-9.]/.test(c) && /[0-9]/.test(source[i + (c === '.' ? 1 : 0)] ?? '')) {
      let j = i;
      while (j < source.length && /[0-9.]/.test(source[j]!)) j++;
      tokens.push({ kind: 'num', text: source.slice(i, j) });
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && j + 1 < source.length) {
          const next = source[j + 1]!;
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          j += 2;
        } else {
          text += source[j];
          j++;
        }
      }
      tokens.push({ kind: 'str', text });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_$.]/.test(source[j]!)) j++;
      tokens.push({ kind: 'id', text: source.slice(i, j) });
      i = j;
    } else {
      const two = source.slice(i, i + 2);
      if (['==', '!=', '<>', '<=', '>=', '&&', '||'].includes(two)) {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if ('+-*/^&=<>!(),'.includes(c)) {
        tokens.push({ kind: 'op', text: c });
        i++;
      } else {
        throw new FormulaError(`unexpected character '${c}' in formula`);
      }
    }
  }
  tokens.push({ kind: 'eof', text: '' });
  return tokens;
}

const DAY_MS = 86_400_000;

function isBlank(value: FormulaValue): boolean {
  return value === null || value === '';
}

function toNumber(value: FormulaValue): number | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof FormulaDate) return value.day;
  if (value instanceof FormulaDateTime) return value.ms / DAY_MS;
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

function toText(value: FormulaValue): string {
  if (value === null) return '';
  if (value instanceof FormulaDate) return new Date(value.day * DAY_MS).toISOString().slice(0, 10);
  if (value instanceof FormulaDateTime) return new Date(value.ms).toISOString().replace('.000Z', 'Z');
  return String(value);
}

function comparable(value: FormulaValue): number | string | null {
  if (value === null) return null;
  if (value instanceof FormulaDate) return value.day;
  if (value instanceof FormulaDateTime) return value.ms;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function add(a: FormulaValue, b: FormulaValue, sign: 1 | -1): FormulaValue {
  if (a === null || b === null) return null;
  if (a instanceof FormulaDate) {
    if (b instanceof FormulaDate) return sign === -1 ? a.day - b.day : null;
    const n = toNumber(b);
    return n === null ? null : new FormulaDate(a.day + sign * Math.trunc(n));
  }
  if (a instanceof FormulaDateTime) {
    if (b instanceof FormulaDateTime) return sign === -1 ? (a.ms - b.ms) / DAY_MS : null;
    const n = toNumber(b);
    return n === null ? null : new FormulaDateTime(a.ms + sign * n * DAY_MS);
  }
  if (typeof a === 'string' && sign === 1) return a + toText(b);
  const x = toNumber(a);
  const y = toNumber(b);
  return x === null || y === null ? null : x + sign * y;
}

function civil(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function dayOf(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function addMonths(day: number, months: number): number {
  const { y, m, d } = civil(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return dayOf(ty, tm, Math.min(d, last));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.abs(value) * factor;
  return (Math.sign(value) * Math.round(scaled + 1e-9)) / factor;
}

type Fn = (args: Compiled[], ctx: FormulaContext) => FormulaValue;

const FUNCTIONS: Record<string, { min: number; max: number; fn: Fn }> = {
  IF: { min: 3, max: 3, fn: ([c, a, b], ctx) => (c!(ctx) === true ? a!(ctx) : b!(ctx)) },
  AND: { min: 1, max: 99, fn: (args, ctx) => args.every((a) => a(ctx) === true) },
  OR: { min: 1, max: 99, fn: (args, ctx) => args.some((a) => a(ctx) === true) },
  NOT: { min: 1, max: 1, fn: ([a], ctx) => a!(ctx) !== true },
  ISBLANK: { min: 1, max: 1, fn: ([a], ctx) => isBlank(a!(ctx)) },
  ISNULL: { min: 1, max: 1, fn: ([a], ctx) => isBlank(a!(ctx)) },
  BLANKVALUE: { min: 2, max: 2, fn: ([a, b], ctx) => { const v = a!(ctx); return isBlank(v) ? b!(ctx) : v; } },
  NULLVALUE: { min: 2, max: 2, fn: ([a, b], ctx) => { const v = a!(ctx); return isBlank(v) ? b!(ctx) : v; } },
  TODAY: { min: 0, max: 0, fn: (_a, ctx) => new FormulaDate(ctx.today) },
  NOW: { min: 0, max: 0, fn: (_a, ctx) => new FormulaDateTime(ctx.now) },
  DATE: {
    min: 3,
    max: 3,
    fn: ([y, m, d], ctx) => {
      const [yy, mm, dd] = [toNumber(y!(ctx)), toNumber(m!(ctx)), toNumber(d!(ctx))];
      return yy === null || mm === null || dd === null ? null : new FormulaDate(dayOf(yy, mm, dd));
    }
  },
  DATEVALUE: {
    min: 1,
    max: 1,
    fn: ([a], ctx) => {
      const v = a!(ctx);
      if (v instanceof FormulaDateTime) return new FormulaDate(Math.floor(v.ms / DAY_MS));
      if (v instanceof FormulaDate || v === null) return v;
      const ms = Date.parse(`${toText(v).slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(ms) ? null : new FormulaDate(ms / DAY_MS);
    }
  },
  YEAR: { min: 1, max: 1, fn: ([a], ctx) => { const v = a!(ctx); return v instanceof FormulaDate ? civil(v.day).y : null; } },
  MONTH: { min: 1, max: 1, fn: ([a], ctx) => { const v = a!(ctx); return v instanceof FormulaDate ? civil(v.day).m : null; } },
  DAY: { min: 1, max: 1, fn: ([a], ctx) => { const v = a!(ctx); return v instanceof FormulaDate ? civil(v.day).d : null; } },
  ADDMONTHS: {
    min: 2,
    max: 2,
    fn: ([a, n], ctx) => {
      const v = a!(ctx);
      const months = toNumber(n!(ctx));
      return v instanceof FormulaDate && months !== null ? new FormulaDate(addMonths(v.day, Math.trunc(months))) : null;
    }
  },
  ABS: { min: 1, max: 1, fn: ([a], ctx) => { const v = toNumber(a!(ctx)); return v === null ? null : Math.abs(v); } },
  FLOOR: { min: 1, max: 1, fn: ([a], ctx) => { const v = toNumber(a!(ctx)); return v === null ? null : Math.floor(v); } },
  CEILING: { min: 1, max: 1, fn: ([a], ctx) => { const v = toNumber(a!(ctx)); return v === null ? null : Math.ceil(v); } },
  ROUND: {
    min: 2,
    max: 2,
    fn: ([a, d], ctx) => {
      const v = toNumber(a!(ctx));
      const digits = toNumber(d!(ctx));
      return v === null || digits === null ? null : round(v, digits);
    }
  },
  MIN: { min: 1, max: 99, fn: (args, ctx) => { const v = args.map((a) => toNumber(a(ctx))); return v.includes(null) ? null : Math.min(...(v as number[])); } },
  MAX: { min: 1, max: 99, fn: (args, ctx) => { const v = args.map((a) => toNumber(a(ctx))); return v.includes(null) ? null : Math.max(...(v as number[])); } },
  TEXT: { min: 1, max: 1, fn: ([a], ctx) => toText(a!(ctx)) },
  VALUE: { min: 1, max: 1, fn: ([a], ctx) => toNumber(a!(ctx)) },
  LEN: { min: 1, max: 1, fn: ([a], ctx) => toText(a!(ctx)).length },
  UPPER: { min: 1, max: 1, fn: ([a], ctx) => toText(a!(ctx)).toUpperCase() },
  LOWER: { min: 1, max: 1, fn: ([a], ctx) => toText(a!(ctx)).toLowerCase() },
  TRIM: { min: 1, max: 1, fn: ([a], ctx) => toText(a!(ctx)).trim() },
  LEFT: { min: 2, max: 2, fn: ([a, n], ctx) => toText(a!(ctx)).slice(0, toNumber(n!(ctx)) ?? 0) },
  RIGHT: { min: 2, max: 2, fn: ([a, n], ctx) => { const t = toText(a!(ctx)); return t.slice(Math.max(0, t.length - (toNumber(n!(ctx)) ?? 0))); } },
  MID: { min: 3, max: 3, fn: ([a, s, n], ctx) => { const start = (toNumber(s!(ctx)) ?? 1) - 1; return toText(a!(ctx)).slice(start, start + (toNumber(n!(ctx)) ?? 0)); } },
  CONTAINS: { min: 2, max: 2, fn: ([a, b], ctx) => toText(a!(ctx)).includes(toText(b!(ctx))) },
  BEGINS: { min: 2, max: 2, fn: ([a, b], ctx) => toText(a!(ctx)).startsWith(toText(b!(ctx))) },
  ISPICKVAL: { min: 2, max: 2, fn: ([a, b], ctx) => toText(a!(ctx)) === toText(b!(ctx)) },
  ISNUMBER: { min: 1, max: 1, fn: ([a], ctx) => { const t = toText(a!(ctx)).trim(); return t !== '' && !Number.isNaN(Number(t)); } },
  CASE: {
    min: 4,
    max: 99,
    fn: (args, ctx) => {
      const subject = comparable(args[0]!(ctx));
      let i = 1;
      for (; i + 1 < args.length; i += 2) {
        if (comparable(args[i]!(ctx)) === subject) return args[i + 1]!(ctx);
      }
      return args[args.length - 1]!(ctx);
    }
  },
  ISNEW: { min: 0, max: 0, fn: (_a, ctx) => ctx.isNew }
};

/**
 * Compiles a formula. `resolve` turns a field path (`Last_Engagement__c`, `Account__r.Name`) into an
 * accessor, and throws for an unknown field.
 */
export function compileFormula(source: string, resolve: FieldResolver): Compiled {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token => tokens[position]!;
  const next = (): Token => tokens[position++]!;
  const expectOp = (text: string): void => {
    const token = next();
    if (token.kind !== 'op' || token.text !== text) throw new FormulaError(`expected '${text}' but found '${token.text}'`);
  };
  const isOp = (...texts: string[]): boolean => peek().kind === 'op' && texts.includes(peek().text);

  const binary = (op: string, a: Compiled, b: Compiled): Compiled => {
    switch (op) {
      case '+': return (ctx) => add(a(ctx), b(ctx), 1);
      case '-': return (ctx) => add(a(ctx), b(ctx), -1);
      case '&': return (ctx) => toText(a(ctx)) + toText(b(ctx));
      case '*': return (ctx) => { const x = toNumber(a(ctx)); const y = toNumber(b(ctx)); return x === null || y === null ? null : x * y; };
      case '/': return (ctx) => { const x = toNumber(a(ctx)); const y = toNumber(b(ctx)); return x === null || y === null || y === 0 ? null : x / y; };
      case '^': return (ctx) => { const x = toNumber(a(ctx)); const y = toNumber(b(ctx)); return x === null || y === null ? null : x ** y; };
      case '&&': return (ctx) => a(ctx) === true && b(ctx) === true;
      case '||': return (ctx) => a(ctx) === true || b(ctx) === true;
      default: {
        return (ctx) => {
          const rawX = a(ctx);
          const rawY = b(ctx);
          const x = comparable(rawX === '' ? null : rawX);
          const y = comparable(rawY === '' ? null : rawY);
          if (op === '=' || op === '==') return x === y;
          if (op === '!=' || op === '<>') return x !== y;
          if (x === null || y === null) return null;
          if (op === '<') return x < y;
          if (op === '<=') return x <= y;
          if (op === '>') return x > y;
          return x >= y;
        };
      }
    }
  };

  const primary = (): Compiled => {
    const token = next();
    if (token.kind === 'num') { const n = Number(token.text); return () => n; }
    if (token.kind === 'str') { const s = token.text; return () => s; }
    if (token.kind === 'op' && token.text === '(') { const inner = expression(); expectOp(')'); return inner; }
    if (token.kind === 'id') {
      const upper = token.text.toUpperCase();
      if (isOp('(')) {
        next();
        const args: Compiled[] = [];
        if (!isOp(')')) {
          do { args.push(expression()); } while (isOp(',') && next());
        }
        expectOp(')');
        if (upper === 'ISCHANGED' || upper === 'PRIORVALUE') {
          const path = fieldArgument(token.text, source);
          const current = args[0]!;
          return upper === 'ISCHANGED'
            ? (ctx) => !ctx.isNew && ctx.prior !== undefined && comparable(ctx.prior(path)) !== comparable(current(ctx))
            : (ctx) => (ctx.prior ? ctx.prior(path) : current(ctx));
        }
        const fn = FUNCTIONS[upper];
        if (!fn) throw new FormulaError(`formula function ${token.text} is not supported by the emulator`);
        if (args.length < fn.min || args.length > fn.max) throw new FormulaError(`wrong number of arguments to ${token.text}`);
        return (ctx) => fn.fn(args, ctx);
      }
      if (upper === 'TRUE') return () => true;
      if (upper === 'FALSE') return () => false;
      if (upper === 'NULL') return () => null;
      if (token.text.startsWith('$')) throw new FormulaError(`global variable ${token.text} is not supported by the emulator`);
      return resolve(token.text);
    }
    throw new FormulaError(`unexpected '${token.text || 'end of formula'}'`);
  };

  const unary = (): Compiled => {
    if (isOp('-')) { next(); const inner = unary(); return (ctx) => { const v = toNumber(inner(ctx)); return v === null ? null : -v; }; }
    if (isOp('+')) { next(); return unary(); }
    if (isOp('!')) { next(); const inner = unary(); return (ctx) => inner(ctx) !== true; }
    let base = primary();
    while (isOp('^')) { next(); base = binary('^', base, unary()); }
    return base;
  };
  const level = (ops: string[], lower: () => Compiled) => (): Compiled => {
    let left = lower();
    while (isOp(...ops)) { const op = next().text; left = binary(op, left, lower()); }
    return left;
  };
  const multiplicative = level(['*', '/'], unary);
  const additive = level(['+', '-', '&'], multiplicative);
  const comparison = level(['=', '==', '!=', '<>', '<', '<=', '>', '>='], additive);
  const conjunction = level(['&&'], comparison);
  const expression = level(['||'], conjunction);

  const compiled = expression();
  if (peek().kind !== 'eof') throw new FormulaError(`unexpected '${peek().text}' in formula`);
  return compiled;

  function fieldArgument(fn: string, text: string): string {
    const match = new RegExp(`${fn}\\s*\\(\\s*([A-Za-z0-9_.]+)\\s*\\)`, 'i').exec(text);
    if (!match) throw new FormulaError(`${fn} needs a field argument`);
    return match[1]!;
  }
}
