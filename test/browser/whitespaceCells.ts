// Whitespace cells for the browser test and the screenshots. The sync writes Whitespace_Cell__c
// (issue 17 item 2); until an org's full sync has written them, this stand-in writes the cells of
// one customer group from its line items as the admin — won and open by segment and family, the
// status by DESIGN.md's rule, amounts unconverted — so the matrix has something real to show.
// Where the sync wrote cells, they are used as they are.
import type { OrgSession } from '../preview/server';
import { PRODUCT_FAMILIES } from '../emulator/schema/standard';

export interface CellRow {
  Segment_Account__c: string;
  Product_Family__c: string;
  Won_TTM__c: number;
  Open_Pipeline_12M__c: number;
  Status__c: string;
}

async function api<T>(session: OrgSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`/services/data/v64.0${path}`, session.instanceUrl), {
    method,
    headers: { Authorization: `Bearer ${session.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function soql<T>(session: OrgSession, query: string): Promise<T[]> {
  return (await api<{ records: T[] }>(session, 'GET', `/query?q=${encodeURIComponent(query)}`)).records;
}

/** The group's cells: those the sync wrote, else the stand-in's, written now. */
export async function groupCells(session: OrgSession, topId: string, segmentIds: string[], today: string): Promise<CellRow[]> {
  const fields = 'Segment_Account__c, Product_Family__c, Won_TTM__c, Open_Pipeline_12M__c, Status__c';
  const existing = await soql<CellRow>(session, `SELECT ${fields} FROM Whitespace_Cell__c WHERE Account__c = '${topId}'`);
  if (existing.length > 0) return existing;

  const ids = segmentIds.map((id) => `'${id}'`).join(', ');
  const items = await soql<{ TotalPrice: number; Product2: { Family: string }; Opportunity: { AccountId: string; IsWon: boolean; IsClosed: boolean; CloseDate: string } }>(
    session,
    `SELECT TotalPrice, Product2.Family, Opportunity.AccountId, Opportunity.IsWon, Opportunity.IsClosed, Opportunity.CloseDate FROM OpportunityLineItem WHERE Opportunity.AccountId IN (${ids})`
  );
  const year = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  const [from, to] = [year(today, -1), year(today, 1)];
  const cells: CellRow[] = [];
  for (const segment of segmentIds) {
    for (const family of PRODUCT_FAMILIES) {
      const mine = items.filter((item) => item.Opportunity.AccountId === segment && item.Product2.Family === family);
      const sum = (keep: (o: (typeof mine)[number]['Opportunity']) => boolean) =>
        Math.round(mine.filter((item) => keep(item.Opportunity)).reduce((total, item) => total + item.TotalPrice, 0) * 100) / 100;
      const won = sum((o) => o.IsWon && o.CloseDate > from && o.CloseDate <= today);
      const open = sum((o) => !o.IsClosed && o.CloseDate > today && o.CloseDate <= to);
      const lost = mine.some((item) => item.Opportunity.IsClosed && !item.Opportunity.IsWon && item.Opportunity.CloseDate > from && item.Opportunity.CloseDate <= today);
      const status = won > 0 ? 'Won' : open > 0 ? 'Open' : lost ? 'Lost' : 'Whitespace';
      cells.push({ Segment_Account__c: segment, Product_Family__c: family, Won_TTM__c: won, Open_Pipeline_12M__c: open, Status__c: status });
    }
  }
  // Only families sold somewhere in the group become columns, as "sold in the org" would.
  const sold = new Set(cells.filter((cell) => cell.Status__c !== 'Whitespace').map((cell) => cell.Product_Family__c));
  const kept = cells.filter((cell) => sold.has(cell.Product_Family__c));
  for (let i = 0; i < kept.length; i += 200) {
    const records = kept.slice(i, i + 200).map((cell) => ({
      attributes: { type: 'Whitespace_Cell__c' },
      ...cell,
      Account__c: topId,
      Cell_Key__c: `${topId}:${cell.Segment_Account__c}:${cell.Product_Family__c}`
    }));
    const results = await api<Array<{ success: boolean; errors: unknown[] }>>(session, 'POST', '/composite/sobjects', { allOrNone: true, records });
    const failed = results.filter((result) => !result.success);
    if (failed.length) throw new Error(`writing cells failed: ${JSON.stringify(failed)}`);
  }
  return kept;
}
