// The present state of each account's relationship: its Active plan, the mutual value of its
// joint initiatives, and whether an executive sponsor is on cadence. These describe today, so
// they feed the current quarter only.
import { addMoney, centsOf, moneySign, scaledQuotient, subtractMoney, type Money } from './money';
import type { InitiativeInput, PlanInput, SponsorInput } from './types';

/** The Active plan of each account; with several, the latest Start_Date__c (then the greatest id) wins. */
export function activePlans(plans: readonly PlanInput[]): Map<string, PlanInput> {
  const byAccount = new Map<string, PlanInput>();
  for (const plan of plans) {
    if (plan.status !== 'Active') continue;
    const current = byAccount.get(plan.accountId);
    if (!current || compareRecency(plan, current) > 0) byAccount.set(plan.accountId, plan);
  }
  return byAccount;
}

function compareRecency(a: PlanInput, b: PlanInput): number {
  const byStart = (a.startDate ?? '').localeCompare(b.startDate ?? '');
  return byStart !== 0 ? byStart : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface MutualValue {
  /** Cents of Customer_Value_Realized__c summed. */
  customer: Money;
  /** Cents of Supplier_Value_Realized__c summed. */
  supplier: Money;
}

/** DESIGN.md "Mutual value": realized values of the account's initiatives that are not Cancelled (null counts 0). */
export function mutualValues(initiatives: readonly InitiativeInput[]): Map<string, MutualValue> {
  const byAccount = new Map<string, MutualValue>();
  for (const initiative of initiatives) {
    if (initiative.status === 'Cancelled') continue;
    const value = byAccount.get(initiative.accountId) ?? { customer: 0, supplier: 0 };
    value.customer = addMoney(value.customer, centsOf(initiative.customerValueRealized ?? 0));
    value.supplier = addMoney(value.supplier, centsOf(initiative.supplierValueRealized ?? 0));
    byAccount.set(initiative.accountId, value);
  }
  return byAccount;
}

/** 100 × 2·min(c, s) / (c + s), one decimal: 100 balanced, 0 one-sided; null when c + s = 0 or a side is negative. */
export function mutualValueBalance({ customer, supplier }: MutualValue): number | null {
  if (moneySign(customer) < 0 || moneySign(supplier) < 0) return null;
  const total = addMoney(customer, supplier);
  if (moneySign(total) <= 0) return null;
  const smaller = moneySign(subtractMoney(customer, supplier)) <= 0 ? customer : supplier;
  return scaledQuotient(addMoney(smaller, smaller), total, 1000) / 10;
}

/** Accounts with at least one Active sponsor whose Engagement_Status__c is 'On cadence'. */
export function accountsWithSponsorOnCadence(sponsors: readonly SponsorInput[]): Set<string> {
  const accounts = new Set<string>();
  for (const sponsor of sponsors) {
    if (sponsor.active && sponsor.engagementStatus === 'On cadence')
      accounts.add(sponsor.accountId);
  }
  return accounts;
}
