/**
 * The rows of a cell's opportunities from the modal's GraphQL answer: one per opportunity, with
 * the sum of its line items in the family (in the opportunity's currency). Pure.
 */
import { displayOf, recordsOf, valueOf } from 'c/graphqlRecords';

const amount = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** [{ id, name, stage, closeDate, amount, currency }], latest close date first. */
export function readOpportunityRows(data) {
  const byId = new Map();
  recordsOf(data, 'OpportunityLineItem').forEach((item) => {
    const id = valueOf(item, 'OpportunityId');
    const opportunity = item.Opportunity || {};
    const row = byId.get(id) || {
      id,
      name: valueOf(opportunity, 'Name'),
      stage: displayOf(opportunity, 'StageName'),
      closeDate: valueOf(opportunity, 'CloseDate'),
      amount: 0,
      currency: valueOf(item, 'CurrencyIsoCode') || undefined
    };
    row.amount = Math.round((row.amount + amount(valueOf(item, 'TotalPrice'))) * 100) / 100;
    byId.set(id, row);
  });
  recordsOf(data, 'Opportunity').forEach((opportunity) => {
    byId.set(opportunity.Id, {
      id: opportunity.Id,
      name: valueOf(opportunity, 'Name'),
      stage: displayOf(opportunity, 'StageName'),
      closeDate: valueOf(opportunity, 'CloseDate'),
      amount: amount(valueOf(opportunity, 'Amount')),
      currency: valueOf(opportunity, 'CurrencyIsoCode') || undefined
    });
  });
  return [...byId.values()].sort((a, b) =>
    String(b.closeDate || '').localeCompare(String(a.closeDate || ''))
  );
}
