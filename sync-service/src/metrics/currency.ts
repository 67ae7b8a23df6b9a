// Conversion to the corporate currency (DESIGN.md "Metric definitions"): corporate = amount / rate,
// with the dated rate whose [StartDate, NextStartDate) holds the CloseDate, else the static
// CurrencyType rate. Each distinct (currency, rate) over the horizon is a "rate slot": the
// accumulator sums source-currency cents per slot and converts once, at finish.
import { parseDay } from './calendar';
import { decimalRate, type DecimalRate } from './money';
import type { CurrencyRates } from './types';

export const NO_RATE = -1;

export class RateTable {
  /** Rate of each slot, as the decimal the API sent. */
  readonly slotRates: DecimalRate[] = [];
  private readonly currencyIndex = new Map<string, number>();
  /** Currency codes by index (the keys of currencyIndex). */
  private readonly currencyCodes: string[] = [];
  /** Per currency, the slot of each horizon day (NO_RATE where the currency has no rate that day). */
  private readonly slotsByDay: Int32Array[] = [];

  constructor(
    rates: CurrencyRates,
    private readonly corporateCurrency: string,
    private readonly firstDay: number,
    lastDay: number
  ) {
    const length = lastDay - firstDay + 1;
    const daysOf = (isoCode: string): Int32Array => {
      let index = this.currencyIndex.get(isoCode);
      if (index === undefined) {
        index = this.slotsByDay.length;
        this.currencyIndex.set(isoCode, index);
        this.currencyCodes.push(isoCode);
        this.slotsByDay.push(new Int32Array(length).fill(NO_RATE));
      }
      return this.slotsByDay[index]!;
    };
    rates.static.forEach((rate, i) => {
      if (rate.isoCode === corporateCurrency) return;
      daysOf(rate.isoCode).fill(this.addSlot(rate.conversionRate, `rates.static[${i}]`));
    });
    rates.dated.forEach((rate, i) => {
      if (rate.isoCode === corporateCurrency) return;
      const start = parseDay(rate.startDate);
      const next =
        rate.nextStartDate === null ? Number.POSITIVE_INFINITY : parseDay(rate.nextStartDate);
      if (Number.isNaN(start) || Number.isNaN(next) || next <= start) {
        throw new Error(`metrics: rates.dated[${i}] has an invalid startDate/nextStartDate`);
      }
      const days = daysOf(rate.isoCode);
      const from = Math.max(start, firstDay) - firstDay;
      const to = Math.min(next - 1, lastDay) - firstDay;
      if (from <= to)
        days.fill(this.addSlot(rate.conversionRate, `rates.dated[${i}]`), from, to + 1);
    });
  }

  private addSlot(rate: number, field: string): number {
    if (!Number.isFinite(rate) || rate <= 0)
      throw new Error(`metrics: ${field}.conversionRate must be a positive number`);
    this.slotRates.push(decimalRate(rate));
    return this.slotRates.length - 1;
  }

  /** True when amounts in `isoCode` need no conversion (absent/null code, or the corporate currency). */
  isCorporate(isoCode: string | null | undefined): boolean {
    return isoCode === undefined || isoCode === null || isoCode === this.corporateCurrency;
  }

  /** Index of a foreign currency, or NO_RATE when the org has no rate for it at all. */
  currencyOf(isoCode: string): number {
    // Orgs have a handful of currencies: a scan beats hashing a fresh string in a Map.
    const codes = this.currencyCodes;
    for (let index = 0; index < codes.length; index++) if (codes[index] === isoCode) return index;
    return NO_RATE;
  }

  /** The rate slot of a foreign currency on a horizon day, or NO_RATE. */
  slotOn(currency: number, day: number): number {
    return this.slotsByDay[currency]![day - this.firstDay]!;
  }

  get slotCount(): number {
    return this.slotRates.length;
  }
}
