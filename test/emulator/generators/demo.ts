// The demo org: a believable multi-currency company with ~40 accounts (a handful strategic), four
// and a half years of opportunities with a Pareto revenue distribution, account plans, objectives,
// joint initiatives, stakeholder maps and executive sponsors. Hartwell Logistics is built to show
// every relationship-coverage gap and an overdue sponsor.
import type { Org } from '../org';
import { Random } from '../random';
import { OPPORTUNITY_STAGES } from '../schema/standard';
import { runQuery } from '../soql/query';
import { DAY_MS, dayToIso } from '../store/values';
import { currencyOf, seedCurrencies, seedOrganization, seedUsers, startOfToday } from './common';
import { LOST_ONLY_FAMILY, SELLING_FAMILIES, seedCatalog, splitAmount, type CatalogProduct } from './products';
import { seedObjectiveTasks, seedRelationshipHistory } from './relationshipHistory';

/** The strategic account that shows every coverage gap (no economic buyer, no champion, an
 * unowned or weak high-influence stakeholder, a high-influence skeptic/detractor) and an overdue sponsor. */
export const DEMO_GAP_ACCOUNT = 'Hartwell Logistics';
/**
 * The account whose Active plan was left in a drawer: no value proposition, weaknesses,
 * opportunities or threats, and a review date 40 days gone — with its overdue sponsor and decaying
 * map, the demo's least healthy plan (the others run from about 80 to 98).
 */
export const DEMO_NEGLECTED_PLAN_ACCOUNT = DEMO_GAP_ACCOUNT;

export const DEMO_STRATEGIC_ACCOUNTS = [
  DEMO_GAP_ACCOUNT,
  'Northwind Health Systems',
  'Aurora Renewables',
  'Meridian Capital Bank',
  'Castellan Manufacturing',
  'Bluefjord Telecom',
  'Pemberton Retail Group'
] as const;

/** The strategic account with a 500-person org chart: the relationship map at scale. */
export const DEMO_LARGE_MAP_ACCOUNT = 'Castellan Manufacturing';
export const DEMO_LARGE_MAP_CONTACTS = 500;

export const DEMO_FISCAL_YEAR_START_MONTH = 4;
export const DEMO_CURRENCIES = [
  { iso: 'USD', rate: 1 },
  { iso: 'EUR', rate: 0.92 },
  { iso: 'GBP', rate: 0.79 }
];

type Country = { country: string; city: string; currency: string };
const US: Country[] = [
  { country: 'United States', city: 'Chicago', currency: 'USD' },
  { country: 'United States', city: 'Austin', currency: 'USD' },
  { country: 'United States', city: 'Boston', currency: 'USD' },
  { country: 'United States', city: 'Denver', currency: 'USD' },
  { country: 'United States', city: 'Seattle', currency: 'USD' }
];
const EU: Country[] = [
  { country: 'Germany', city: 'Hamburg', currency: 'EUR' },
  { country: 'Italy', city: 'Milan', currency: 'EUR' },
  { country: 'Netherlands', city: 'Rotterdam', currency: 'EUR' },
  { country: 'France', city: 'Lyon', currency: 'EUR' }
];
const UK: Country[] = [{ country: 'United Kingdom', city: 'Manchester', currency: 'GBP' }];

const STRATEGIC_PLACES: Record<string, Country> = {
  'Hartwell Logistics': US[0]!,
  'Northwind Health Systems': US[2]!,
  'Aurora Renewables': EU[0]!,
  'Meridian Capital Bank': US[4]!,
  'Castellan Manufacturing': EU[1]!,
  'Bluefjord Telecom': EU[2]!,
  'Pemberton Retail Group': UK[0]!
};

const OTHER_ACCOUNTS = [
  'Acme Fabrication', 'Birchwood Foods', 'Cobalt Analytics', 'Driftwood Hotels', 'Evergreen Insurance',
  'Falcon Aerospace Parts', 'Granite Construction Co', 'Harborview Media', 'Ironclad Security', 'Juniper Education',
  'Keystone Utilities', 'Lumen Optics', 'Maple Leaf Agriculture', 'Nimbus Cloud Services', 'Oakridge Pharmaceuticals',
  'Pioneer Transport', 'Quartz Electronics', 'Redwood Consulting', 'Silverline Rail', 'Tidewater Shipping',
  'Umbra Design Studio', 'Vantage Telecom', 'Westbrook Chemicals', 'Xenon Labs', 'Yellowstone Outdoor',
  'Zephyr Wind Power', 'Atlas Packaging', 'Beacon Financial', 'Crescent Biotech', 'Delta Water Works',
  'Emberline Foods', 'Fjordway Logistics', 'Greystone Retail'
];

/**
 * Customer groups: subsidiary → parent (Account.ParentId), two and three levels deep under
 * strategic accounts. Set at insert (parents come first), so no other demo value changes.
 */
export const DEMO_PARENTS: Record<string, string> = {
  'Acme Fabrication': 'Castellan Manufacturing',
  'Falcon Aerospace Parts': 'Castellan Manufacturing',
  'Lumen Optics': 'Falcon Aerospace Parts',
  'Quartz Electronics': 'Lumen Optics',
  'Pioneer Transport': DEMO_GAP_ACCOUNT,
  'Tidewater Shipping': 'Pioneer Transport',
  'Fjordway Logistics': DEMO_GAP_ACCOUNT,
  'Evergreen Insurance': 'Meridian Capital Bank',
  'Beacon Financial': 'Evergreen Insurance',
  'Zephyr Wind Power': 'Aurora Renewables'
};

/** Accounts whose lost opportunities carry the lost-only family (never won anywhere). */
export const DEMO_LOST_ONLY_ACCOUNTS = ['Castellan Manufacturing', 'Quartz Electronics', DEMO_GAP_ACCOUNT];

const INDUSTRIES = ['Transportation', 'Healthcare', 'Energy', 'Banking', 'Manufacturing', 'Telecommunications', 'Retail', 'Technology', 'Consulting', 'Insurance', 'Media', 'Utilities'];
const STRATEGIC_INDUSTRY: Record<string, string> = {
  'Hartwell Logistics': 'Transportation',
  'Northwind Health Systems': 'Healthcare',
  'Aurora Renewables': 'Energy',
  'Meridian Capital Bank': 'Banking',
  'Castellan Manufacturing': 'Manufacturing',
  'Bluefjord Telecom': 'Telecommunications',
  'Pemberton Retail Group': 'Retail'
};

const FIRST_NAMES = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mateo', 'Amelia', 'Henrik', 'Giulia', 'Pierre', 'Anke', 'Kofi', 'Yuki', 'Fatima', 'Santiago', 'Chloe', 'Arjun', 'Freya', 'Tomás', 'Ines', 'Oskar', 'Leila', 'Nathan', 'Hannah'];
const LAST_NAMES = ['Garcia', 'Müller', 'Rossi', 'Dubois', 'Johnson', 'Nakamura', 'Okafor', 'Andersen', 'Kowalski', 'Silva', 'Brown', 'Martin', 'Bianchi', 'Schmidt', 'Walker', 'Haddad', 'Novak', 'Lindqvist', 'Moreau', 'Reyes', 'Thompson', 'Fischer', 'Costa', 'Wright', 'Kim', 'Jansen', 'Ferrari', 'Evans', 'Larsen', 'Patel'];

const OPEN_STAGES = OPPORTUNITY_STAGES.filter((s) => !s.closed).map((s) => s.name);

interface AccountInfo {
  id: string;
  name: string;
  strategic: boolean;
  owner: string;
  scale: number;
  currency: string;
  contacts: Array<{ id: string; title: string; level: number }>;
  wonOpportunities: string[];
}

export function generateDemo(org: Org, seed: number): void {
  const store = org.store;
  const random = new Random(seed);
  const today = store.clock.today();
  const midnight = startOfToday(org);
  const longAgo = midnight - 1800 * DAY_MS;
  const at = (day: number): number => Math.min(midnight - 60_000, day * DAY_MS + random.int(8 * 3600, 18 * 3600) * 1000);

  seedOrganization(org, { name: 'Tandem Demo Org', fiscalYearStartMonth: DEMO_FISCAL_YEAR_START_MONTH, usesStartDateAsFiscalYearName: false, corporateCurrency: 'USD' }, longAgo);
  seedCurrencies(org, DEMO_CURRENCIES, random, 5, longAgo);
  const managers = seedUsers(
    org,
    [
      { firstName: 'Maya', lastName: 'Chen', alias: 'mchen', title: 'Strategic Account Director' },
      { firstName: 'Luca', lastName: 'Rossi', alias: 'lrossi', title: 'Key Account Manager' },
      { firstName: 'Priya', lastName: 'Nair', alias: 'pnair', title: 'Key Account Manager' },
      { firstName: 'Tom', lastName: 'Becker', alias: 'tbecker', title: 'Account Executive' },
      { firstName: 'Sara', lastName: 'Lind', alias: 'slind', title: 'Account Executive' },
      { firstName: 'Diego', lastName: 'Alvarez', alias: 'dalvarez', title: 'Key Account Manager' }
    ],
    longAgo
  );
  const executives = seedUsers(
    org,
    [
      { firstName: 'Eleanor', lastName: 'Voss', alias: 'evoss', title: 'Chief Executive Officer' },
      { firstName: 'Marcus', lastName: 'Hale', alias: 'mhale', title: 'Chief Revenue Officer' },
      { firstName: 'Ingrid', lastName: 'Solberg', alias: 'isolberg', title: 'Chief Technology Officer' },
      { firstName: 'Raj', lastName: 'Patel', alias: 'rpatel', title: 'Chief Operating Officer' }
    ],
    longAgo
  );
  seedUsers(org, [{ firstName: 'Tandem', lastName: 'Integration', alias: 'tandem', title: 'Integration User', username: 'integration@tandem.emulator' }], longAgo);
  // The logins of the demo: Maya Chen on the account team, and Eleanor Voss, who sponsors the
  // strategic accounts at positions 0, 4, 8… (Hartwell Logistics, overdue, among them).
  const users = store.table('User')!;
  org.users.assignPersona('rep', users.rowOf(managers[0]!));
  org.users.assignPersona('sponsor', users.rowOf(executives[0]!));

  // Accounts: Pareto weights, the largest ones going to the strategic accounts.
  const weights = Array.from({ length: DEMO_STRATEGIC_ACCOUNTS.length + OTHER_ACCOUNTS.length }, () => Math.min(40, random.pareto(1, 1.16))).sort((a, b) => b - a);
  const strategicWeights = weights.filter((_w, i) => i % 5 === 0 || i < 3).slice(0, DEMO_STRATEGIC_ACCOUNTS.length);
  const otherWeights = weights.filter((w) => !strategicWeights.includes(w));
  const accounts: AccountInfo[] = [];
  const names = [...DEMO_STRATEGIC_ACCOUNTS, ...OTHER_ACCOUNTS];
  names.forEach((name, index) => {
    const strategic = index < DEMO_STRATEGIC_ACCOUNTS.length;
    const weight = strategic ? strategicWeights[index]! : otherWeights[index - DEMO_STRATEGIC_ACCOUNTS.length]!;
    const place = STRATEGIC_PLACES[name] ?? random.pick([...US, ...US, ...EU, ...UK]);
    const owner = strategic ? managers[index % 3]! : random.pick(managers);
    const scale = Math.round(30_000 * weight);
    const parent = DEMO_PARENTS[name];
    const id = store.insert(
      'Account',
      {
        Name: name,
        Type: 'Customer - Direct',
        Industry: STRATEGIC_INDUSTRY[name] ?? random.pick(INDUSTRIES),
        BillingCity: place.city,
        BillingCountry: place.country,
        Website: `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        AnnualRevenue: scale * random.int(80, 400),
        NumberOfEmployees: random.int(200, 40_000),
        OwnerId: owner,
        ...currencyOf(org, place.currency),
        Strategic_Account__c: strategic,
        ParentId: parent ? accounts.find((a) => a.name === parent)!.id : null
      },
      0,
      { at: longAgo }
    );
    accounts.push({ id, name, strategic, owner, scale, currency: place.currency, contacts: [], wonOpportunities: [] });
  });

  for (const account of accounts) seedContacts(org, random, account, longAgo);
  for (const account of accounts) seedOpportunities(org, random, account, today, at);
  const sponsorships: Sponsorship[] = [];
  for (const account of accounts.filter((a) => a.strategic)) {
    seedPlans(org, random, account, today, managers, executives, at);
    seedRelationshipMap(org, random, account, today, managers, executives, at);
    sponsorships.push(seedSponsors(org, random, account, today, executives, at));
  }
  // A few non-strategic accounts have a draft plan in the making.
  for (const account of accounts.filter((a) => !a.strategic).slice(0, 3)) {
    const start = today + random.int(10, 60);
    store.insert(
      'Account_Plan__c',
      { Name: `${account.name} — Growth Plan (draft)`, Account__c: account.id, Status__c: 'Draft', Start_Date__c: dayToIso(start), End_Date__c: dayToIso(start + 3 * 365 - 1), Revenue_Target__c: Math.round(account.scale * 1.3 / 1000) * 1000 },
      0,
      { at: at(today - random.int(1, 20)) }
    );
  }
  // Last, with a random of its own, so the data above stays what it was.
  seedActivities(org, new Random(seed ^ 0xac7), accounts, sponsorships, executives[0]!, today);
  // The 500-person org chart after everything else, from its own random stream too.
  seedLargeOrgChart(org, new Random(seed + DEMO_LARGE_MAP_CONTACTS), accounts.find((a) => a.name === DEMO_LARGE_MAP_ACCOUNT)!, today, managers, at);
  // Line items last, from their own random stream: every Amount and other record stays as it was.
  seedLineItems(org, new Random(seed ^ 0x11e), accounts, seedCatalog(org, DEMO_CURRENCIES.map((c) => c.iso), longAgo));
  // Relationship stories (field history over the last year) and action plans under objectives,
  // each from its own random stream, after everything else.
  const strategic = accounts.filter((a) => a.strategic);
  seedRelationshipHistory(org, new Random(seed ^ 0x4157), strategic.map((a) => ({ id: a.id, owner: a.owner, allDecaying: a.name === DEMO_GAP_ACCOUNT })), today);
  seedObjectiveTasks(org, new Random(seed ^ 0x7a5c), strategic.map((a) => a.id), today, (day) => ({ at: at(day) }));
}

function person(random: Random): { first: string; last: string } {
  return { first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) };
}

const LEVELS: Array<{ titles: string[]; departments: string[] }> = [
  { titles: ['Chief Executive Officer'], departments: ['Executive'] },
  { titles: ['Chief Financial Officer', 'Chief Operating Officer', 'Chief Information Officer', 'VP Procurement'], departments: ['Finance', 'Operations', 'IT', 'Procurement'] },
  { titles: ['Director of Operations', 'Director of IT', 'Head of Supply Chain', 'Finance Director', 'Head of Innovation'], departments: ['Operations', 'IT', 'Supply Chain', 'Finance', 'Innovation'] },
  { titles: ['Procurement Manager', 'IT Manager', 'Operations Manager', 'Project Lead', 'Business Analyst'], departments: ['Procurement', 'IT', 'Operations', 'PMO', 'Strategy'] }
];

function seedContacts(org: Org, random: Random, account: AccountInfo, at: number): void {
  const count = account.strategic ? random.int(10, 14) : random.int(3, 6);
  const byLevel: string[][] = [[], [], [], []];
  for (let i = 0; i < count; i++) {
    const level = i === 0 ? 0 : i <= 3 ? 1 : i <= 7 ? 2 : 3;
    const spec = LEVELS[level]!;
    const titleIndex = random.int(0, spec.titles.length - 1);
    const { first, last } = person(random);
    const manager = level === 0 ? null : random.pick(byLevel[level - 1]!.length > 0 ? byLevel[level - 1]! : byLevel[0]!);
    const domain = account.name.toLowerCase().replace(/[^a-z]+/g, '');
    const id = org.store.insert(
      'Contact',
      {
        AccountId: account.id,
        FirstName: first,
        LastName: last,
        Title: spec.titles[titleIndex],
        Department: spec.departments[titleIndex % spec.departments.length],
        Email: `${first}.${last}@${domain}.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        Phone: `+1 555 01${String(random.int(0, 99)).padStart(2, '0')}`,
        ReportsToId: manager,
        OwnerId: account.owner
      },
      0,
      { at }
    );
    byLevel[level]!.push(id);
    account.contacts.push({ id, title: spec.titles[titleIndex]!, level });
  }
}

function seedOpportunities(org: Org, random: Random, account: AccountInfo, today: number, at: (day: number) => number): void {
  const count = Math.min(90, 6 + Math.round(account.scale / 12_000));
  const store = org.store;
  const opportunities = store.table('Opportunity')!;
  for (let i = 0; i < count; i++) {
    const close = today - random.int(-365, 1640);
    const closed = close < today;
    const wonRate = account.strategic ? 0.62 : 0.45;
    const stage = closed ? (random.chance(wonRate) ? 'Closed Won' : 'Closed Lost') : random.pick(OPEN_STAGES);
    // Deal sizes: a heavy tail within the account too.
    const amount = Math.round((account.scale / 6) * Math.min(8, random.pareto(0.5, 1.6)) / 100) * 100;
    const cycle = random.int(25, 200);
    const created = Math.min(today - random.int(1, 20), close - cycle);
    const year = new Date(close * DAY_MS).getUTCFullYear();
    const kind = random.pick(['Renewal', 'Expansion', 'New Project', 'Services', 'Upgrade']);
    const id = store.insert(
      'Opportunity',
      {
        Name: `${account.name} — ${kind} ${year}`,
        AccountId: account.id,
        StageName: stage,
        CloseDate: dayToIso(close),
        Amount: amount > 0 ? amount : 500,
        Type: random.pick(['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'New Customer']),
        OwnerId: account.owner,
        ...currencyOf(org, account.currency)
      },
      0,
      { at: at(created) }
    );
    const modified = closed ? Math.min(today - 1, close + random.int(0, 4)) : today - random.int(1, 25);
    store.touch(opportunities, opportunities.rowOf(id), at(Math.max(created, modified)));
    if (stage === 'Closed Won') account.wonOpportunities.push(id);
  }
}

function seedPlans(org: Org, random: Random, account: AccountInfo, today: number, managers: string[], executives: string[], at: (day: number) => number): void {
  const store = org.store;
  const start = today - random.int(90, 420);
  const ratings = () => random.int(2, 5);
  const archivedStart = start - 3 * 365;
  if (random.chance(0.6)) {
    store.insert(
      'Account_Plan__c',
      {
        Name: `${account.name} — Strategic Plan ${new Date(archivedStart * DAY_MS).getUTCFullYear()}`,
        Account__c: account.id,
        Status__c: 'Archived',
        Start_Date__c: dayToIso(archivedStart),
        End_Date__c: dayToIso(start - 1),
        Revenue_Target__c: Math.round(account.scale * 0.9 / 1000) * 1000,
        Influence_Rating__c: ratings(),
        Co_Innovation_Rating__c: ratings(),
        Collaboration_Rating__c: ratings(),
        Risk_Rating__c: ratings()
      },
      0,
      { at: at(archivedStart) }
    );
  }
  const planId = store.insert(
    'Account_Plan__c',
    {
      Name: `${account.name} — Strategic Plan ${new Date(start * DAY_MS).getUTCFullYear()}`,
      Account__c: account.id,
      Status__c: 'Active',
      Start_Date__c: dayToIso(start),
      End_Date__c: dayToIso(start + 3 * 365 - 1),
      Customer_Objectives__c: 'Reduce operating cost per unit by 12% and open two new regional hubs.',
      Value_Proposition__c: 'One platform for planning and execution, with joint innovation on forecasting.',
      Strengths__c: 'Trusted delivery record; executive access.',
      Weaknesses__c: 'Limited presence in their European operations.',
      Opportunities__c: 'Consolidation of regional vendors; sustainability reporting.',
      Threats__c: 'Low-cost competitor pilots; budget freeze risk.',
      Revenue_Target__c: Math.round(account.scale * 1.4 / 1000) * 1000,
      Next_Review__c: dayToIso(today + random.int(7, 80)),
      Influence_Rating__c: ratings(),
      Co_Innovation_Rating__c: ratings(),
      Collaboration_Rating__c: ratings(),
      Risk_Rating__c: random.int(1, 4),
      // After the random draws above, so every other record of the demo stays as it was.
      ...(account.name === DEMO_NEGLECTED_PLAN_ACCOUNT
        ? { Value_Proposition__c: null, Weaknesses__c: null, Opportunities__c: null, Threats__c: null, Next_Review__c: dayToIso(today - 40) }
        : {})
    },
    0,
    { at: at(start - 20) }
  );
  const categories = ['Growth', 'Relationship', 'Co-innovation', 'Customer experience', 'Risk'];
  const statuses = ['Not started', 'On track', 'On track', 'At risk', 'Off track', 'Achieved'];
  const objectives = random.int(3, 5);
  for (let i = 0; i < objectives; i++) {
    const target = random.int(5, 50) * 10;
    store.insert(
      'Plan_Objective__c',
      {
        Name: `${categories[i % categories.length]} objective ${i + 1}`,
        Account_Plan__c: planId,
        Category__c: categories[i % categories.length],
        Measure__c: ['Revenue growth %', 'Executive meetings', 'NPS', 'Joint pilots', 'Open risks'][i % 5],
        Target_Value__c: target,
        Current_Value__c: Math.round(target * random.next()),
        Due_Date__c: dayToIso(today + random.int(-30, 500)),
        Status__c: random.pick(statuses),
        Owner_User__c: random.pick(managers)
      },
      0,
      { at: at(start) }
    );
  }
  const initiatives = random.int(2, 3);
  const initiativeStatuses = ['Active', 'Completed', 'Proposed', 'Cancelled'];
  for (let i = 0; i < initiatives; i++) {
    const status = i === 0 ? 'Active' : random.pick(initiativeStatuses);
    const customerTarget = Math.round(account.scale * random.int(2, 8) / 10 / 1000) * 1000;
    const supplierTarget = Math.round(customerTarget * (0.3 + random.next() * 0.7) / 1000) * 1000;
    const progress = status === 'Completed' ? 1 : status === 'Proposed' ? 0 : random.next() * 0.8;
    const initiativeStart = start + random.int(0, 200);
    store.insert(
      'Joint_Initiative__c',
      {
        Name: random.pick(['Route optimisation pilot', 'Shared demand forecast', 'Sustainability dashboard', 'Supplier portal rollout', 'Predictive maintenance']) + ` ${i + 1}`,
        Account_Plan__c: planId,
        Status__c: status,
        Start_Date__c: dayToIso(initiativeStart),
        Target_Date__c: dayToIso(initiativeStart + random.int(120, 400)),
        Customer_Sponsor__c: random.pick(account.contacts.filter((c) => c.level <= 2)).id,
        Internal_Owner__c: random.pick([...managers.slice(0, 3), ...executives]),
        Customer_Value_Target__c: customerTarget,
        Customer_Value_Realized__c: Math.round(customerTarget * progress),
        Supplier_Value_Target__c: supplierTarget,
        Supplier_Value_Realized__c: Math.round(supplierTarget * progress * (0.6 + random.next() * 0.6)),
        Success_Measure__c: 'Cost per shipment down 8% across pilot lanes',
        Opportunity__c: account.wonOpportunities.length > 0 ? random.pick(account.wonOpportunities) : null
      },
      0,
      { at: at(Math.min(today - 1, initiativeStart)) }
    );
  }
}

interface StakeholderSpec {
  role: string;
  influence: 'High' | 'Medium' | 'Low';
  attitude: string;
  strength: string;
  owned: boolean;
}

const HEALTHY_MAP: StakeholderSpec[] = [
  { role: 'Economic Buyer', influence: 'High', attitude: 'Supporter', strength: 'Strong', owned: true },
  { role: 'Champion', influence: 'High', attitude: 'Advocate', strength: 'Strong', owned: true },
  { role: 'Decision Maker', influence: 'High', attitude: 'Neutral', strength: 'Medium', owned: true },
  { role: 'Technical Evaluator', influence: 'Medium', attitude: 'Supporter', strength: 'Medium', owned: true },
  { role: 'Influencer', influence: 'Medium', attitude: 'Neutral', strength: 'Medium', owned: true },
  { role: 'Coach', influence: 'Low', attitude: 'Advocate', strength: 'Strong', owned: true },
  { role: 'End User', influence: 'Low', attitude: 'Unknown', strength: 'Weak', owned: false }
];

/** Hartwell: no Economic Buyer, no Champion, a high-influence contact nobody owns, a high-influence detractor. */
const GAP_MAP: StakeholderSpec[] = [
  { role: 'Decision Maker', influence: 'High', attitude: 'Detractor', strength: 'Weak', owned: true },
  { role: 'Influencer', influence: 'High', attitude: 'Neutral', strength: 'None', owned: false },
  { role: 'Technical Evaluator', influence: 'High', attitude: 'Skeptic', strength: 'Weak', owned: true },
  { role: 'Gatekeeper', influence: 'Medium', attitude: 'Neutral', strength: 'Medium', owned: true },
  { role: 'Coach', influence: 'Low', attitude: 'Supporter', strength: 'Medium', owned: true },
  { role: 'End User', influence: 'Low', attitude: 'Unknown', strength: 'None', owned: false }
];

function seedRelationshipMap(org: Org, random: Random, account: AccountInfo, today: number, managers: string[], executives: string[], at: (day: number) => number): void {
  const store = org.store;
  const specs = account.name === DEMO_GAP_ACCOUNT ? GAP_MAP : HEALTHY_MAP.slice(0, random.int(5, 7));
  const stakeholders: string[] = [];
  specs.forEach((spec, i) => {
    const contact = account.contacts[i]!;
    stakeholders.push(
      store.insert(
        'Stakeholder__c',
        {
          Account__c: account.id,
          Contact__c: contact.id,
          Unique_Key__c: `${account.id}:${contact.id}`,
          Buying_Role__c: spec.role,
          Influence__c: spec.influence,
          Attitude__c: spec.attitude,
          Relationship_Strength__c: spec.strength,
          Relationship_Owner__c: spec.owned ? (spec.influence === 'High' ? random.pick([account.owner, ...executives]) : random.pick(managers)) : null,
          Last_Interaction__c: spec.strength === 'None' ? null : dayToIso(today - random.int(3, spec.strength === 'Weak' ? 200 : 60)),
          Notes__c: spec.attitude === 'Detractor' ? 'Prefers the incumbent vendor; questions our delivery capacity.' : null
        },
        0,
        { at: at(today - random.int(20, 300)) }
      )
    );
  });
  const types = ['Influences', 'Allied with', 'In conflict with', 'Dotted line to'];
  const links = Math.min(stakeholders.length - 1, random.int(2, 4));
  for (let i = 0; i < links; i++) {
    const from = stakeholders[i + 1]!;
    const to = stakeholders[i === 0 ? 0 : random.int(0, i)]!;
    store.insert(
      'Stakeholder_Link__c',
      { Account__c: account.id, From__c: from, To__c: to, Type__c: account.name === DEMO_GAP_ACCOUNT && i === 0 ? 'In conflict with' : types[i % types.length] },
      0,
      { at: at(today - random.int(10, 200)) }
    );
  }
}

/** An account's main sponsorship, as the activities need it. */
interface Sponsorship {
  account: AccountInfo;
  sponsor: string;
  counterpart: string;
  /** Day number of the typed Last_Engagement__c. */
  last: number;
}

function seedSponsors(org: Org, random: Random, account: AccountInfo, today: number, executives: string[], at: (day: number) => number): Sponsorship {
  const store = org.store;
  const gap = account.name === DEMO_GAP_ACCOUNT;
  const cadence = gap ? 90 : random.pick([60, 90, 90]);
  const last = gap ? today - 150 : today - random.int(5, cadence - 10);
  const counterpart = account.contacts[0]!.id;
  const sponsor = executives[DEMO_STRATEGIC_ACCOUNTS.indexOf(account.name as (typeof DEMO_STRATEGIC_ACCOUNTS)[number]) % executives.length]!;
  store.insert(
    'Executive_Sponsor__c',
    {
      Account__c: account.id,
      Sponsor__c: sponsor,
      Customer_Counterpart__c: counterpart,
      Role__c: 'Executive Sponsor',
      Active__c: true,
      Start_Date__c: dayToIso(today - random.int(200, 900)),
      Cadence_Days__c: cadence,
      Last_Engagement__c: dayToIso(last),
      Next_Engagement__c: dayToIso(last + cadence),
      Commitments__c: gap ? 'Quarterly business review (missed twice).' : 'Quarterly business review; yearly innovation day.'
    },
    0,
    { at: at(today - random.int(30, 120)) }
  );
  if (account.name === 'Meridian Capital Bank') {
    // A co-sponsor who has never engaged yet, and a former sponsor no longer active.
    store.insert('Executive_Sponsor__c', { Account__c: account.id, Sponsor__c: executives[2], Role__c: 'Co-Sponsor', Active__c: true, Start_Date__c: dayToIso(today - 30), Cadence_Days__c: 120 }, 0, { at: at(today - 30) });
    store.insert('Executive_Sponsor__c', { Account__c: account.id, Sponsor__c: executives[3], Role__c: 'Functional Sponsor', Active__c: false, Start_Date__c: dayToIso(today - 1200), Cadence_Days__c: 90, Last_Engagement__c: dayToIso(today - 700) }, 0, { at: at(today - 700) });
  }
  return { account, sponsor, counterpart, last };
}

/** The Salesforce activities the sync reads for engagement (DESIGN.md "Engagement"), for the sponsor user's accounts. */
export const DEMO_CAPTURED_ACCOUNT = 'Northwind Health Systems';

/**
 * The sponsor user's activities: meetings and completed calls behind the engagements she logged
 * (counted in Engagements_90D__c), the missed reviews of the overdue account (an old meeting and an
 * open task: it stays overdue), and a co-sponsorship at Northwind she never logged in Tandem whose
 * meetings were captured from her calendar: the sync puts it on cadence.
 */
function seedActivities(org: Org, random: Random, accounts: AccountInfo[], sponsorships: Sponsorship[], sponsorUser: string, today: number): void {
  const store = org.store;
  const midnight = startOfToday(org);
  const at = (day: number): { at: number } => ({ at: Math.min(midnight - 60_000, day * DAY_MS + random.int(8 * 3600, 18 * 3600) * 1000) });
  const event = (subject: string, owner: string, day: number, whoId: string | null, whatId: string | null) =>
    store.insert('Event', { Subject: subject, OwnerId: owner, ActivityDate: dayToIso(day), IsAllDayEvent: true, Type: 'Meeting', WhoId: whoId, WhatId: whatId }, 0, at(day));
  const task = (subject: string, owner: string, day: number, whoId: string | null, whatId: string | null, status: string) =>
    store.insert('Task', { Subject: subject, OwnerId: owner, ActivityDate: dayToIso(day), Status: status, Type: 'Call', WhoId: whoId, WhatId: whatId }, 0, at(day));
  for (const { account, sponsor, counterpart, last } of sponsorships.filter((s) => s.sponsor === sponsorUser)) {
    if (account.name === DEMO_GAP_ACCOUNT) {
      event('Quarterly business review', sponsor, last, counterpart, account.id);
      task('Reschedule the quarterly business review', sponsor, today + random.int(3, 10), counterpart, account.id, 'Not Started');
      continue;
    }
    event('Executive steering meeting', sponsor, last, counterpart, account.id);
    task('Follow-up call with the counterpart', sponsor, last - random.int(10, 20), counterpart, null, 'Completed');
    event('Innovation day', sponsor, last - random.int(60, 80), null, account.id);
  }
  const northwind = accounts.find((a) => a.name === DEMO_CAPTURED_ACCOUNT)!;
  const counterpart = northwind.contacts[1]!.id;
  store.insert('Executive_Sponsor__c', { Account__c: northwind.id, Sponsor__c: sponsorUser, Customer_Counterpart__c: counterpart, Role__c: 'Co-Sponsor', Active__c: true, Start_Date__c: dayToIso(today - 160), Cadence_Days__c: 90, Commitments__c: 'Clinical innovation board, twice a year.' }, 0, at(today - 160));
  event('Innovation board', sponsorUser, today - random.int(15, 25), counterpart, null);
  event('Site visit', sponsorUser, today - random.int(70, 80), null, northwind.id);
  seedPortfolioSponsorships(org, accounts, sponsorUser, today, at);
}

/** A new sponsorship the sponsor user has not engaged yet (her portfolio's "No engagement"). */
export const DEMO_UNENGAGED_ACCOUNT = 'Bluefjord Telecom';
/** A non-strategic account she sponsors whose typed last engagement is past its cadence, with no activity behind it. */
export const DEMO_LAPSED_ACCOUNT = 'Cobalt Analytics';

/**
 * The rest of the sponsor user's portfolio, so it holds every state: a functional sponsorship
 * started three weeks ago with no engagement (No engagement), and an account outside the program
 * last met 75 days ago on a 60-day cadence with nothing in her calendar since (Overdue, after
 * Hartwell's 150 days). Inserted after everything else of the activities' random stream, so the
 * data above stays what it was.
 */
function seedPortfolioSponsorships(org: Org, accounts: AccountInfo[], sponsorUser: string, today: number, at: (day: number) => { at: number }): void {
  const store = org.store;
  const account = (name: string) => accounts.find((a) => a.name === name)!;
  const unengaged = account(DEMO_UNENGAGED_ACCOUNT);
  store.insert(
    'Executive_Sponsor__c',
    { Account__c: unengaged.id, Sponsor__c: sponsorUser, Customer_Counterpart__c: unengaged.contacts[2]!.id, Role__c: 'Functional Sponsor', Active__c: true, Start_Date__c: dayToIso(today - 21), Cadence_Days__c: 90, Commitments__c: '5G network roadmap with the CTO.' },
    0,
    at(today - 21)
  );
  const lapsed = account(DEMO_LAPSED_ACCOUNT);
  const last = today - 75;
  store.insert(
    'Executive_Sponsor__c',
    { Account__c: lapsed.id, Sponsor__c: sponsorUser, Customer_Counterpart__c: lapsed.contacts[0]!.id, Role__c: 'Executive Sponsor', Active__c: true, Start_Date__c: dayToIso(today - 400), Cadence_Days__c: 60, Last_Engagement__c: dayToIso(last), Next_Engagement__c: dayToIso(last + 60) },
    0,
    at(last)
  );
}

const AREAS = ['Sales', 'Marketing', 'Engineering', 'Manufacturing', 'Quality', 'Logistics', 'Human Resources', 'Legal', 'Finance', 'IT', 'Procurement', 'Service'];
const CONTRIBUTOR_TITLES = ['Engineer', 'Analyst', 'Specialist', 'Coordinator', 'Planner', 'Buyer', 'Technician'];
const ROLES = ['Decision Maker', 'Technical Evaluator', 'Influencer', 'Coach', 'Gatekeeper', 'End User'];
const ATTITUDES = ['Advocate', 'Supporter', 'Neutral', 'Neutral', 'Skeptic', 'Unknown'];
const STRENGTHS = ['Strong', 'Medium', 'Medium', 'Weak', 'None'];

/**
 * Grows the account's contacts to DEMO_LARGE_MAP_CONTACTS under its CEO: vice presidents, four
 * directors each, three managers each, their teams; about one person in twenty is mapped.
 */
function seedLargeOrgChart(org: Org, random: Random, account: AccountInfo, today: number, managers: string[], at: (day: number) => number): void {
  const store = org.store;
  const domain = account.name.toLowerCase().replace(/[^a-z]+/g, '');
  let area = 0;
  const add = (title: string, managerId: string): string => {
    const { first, last } = person(random);
    const id = store.insert(
      'Contact',
      {
        AccountId: account.id,
        FirstName: first,
        LastName: last,
        Title: title,
        Email: `${first}.${last}.${account.contacts.length}@${domain}.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        ReportsToId: managerId,
        OwnerId: account.owner
      },
      0,
      { at: at(today - random.int(30, 1500)) }
    );
    account.contacts.push({ id, title, level: 9 });
    return id;
  };
  const ceo = account.contacts[0]!.id;
  const vps = account.contacts.filter((c) => c.level === 1).map((c) => c.id);
  while (vps.length < 8) vps.push(add(`VP ${AREAS[area++ % AREAS.length]}`, ceo));
  const leads: string[] = [];
  vps.forEach((vp, v) => {
    for (let d = 0; d < 4; d++) {
      const field = AREAS[(v * 4 + d) % AREAS.length]!;
      const director = add(`Director of ${field}`, vp);
      for (let m = 0; m < 3; m++) leads.push(add(`${field} Manager`, director));
    }
  });
  for (let i = 0; account.contacts.length < DEMO_LARGE_MAP_CONTACTS; i++) {
    add(`${random.pick(CONTRIBUTOR_TITLES)}`, leads[i % leads.length]!);
  }
  // seedRelationshipMap mapped the first contacts (at most HEALTHY_MAP.length of them).
  account.contacts.forEach((contact, index) => {
    if (index < HEALTHY_MAP.length || index % 20 !== 7) return;
    const strength = random.pick(STRENGTHS);
    store.insert(
      'Stakeholder__c',
      {
        Account__c: account.id,
        Contact__c: contact.id,
        Unique_Key__c: `${account.id}:${contact.id}`,
        Buying_Role__c: random.pick(ROLES),
        Influence__c: random.pick(['High', 'Medium', 'Medium', 'Low']),
        Attitude__c: random.pick(ATTITUDES),
        Relationship_Strength__c: strength,
        Relationship_Owner__c: random.chance(0.7) ? random.pick(managers) : null,
        Last_Interaction__c: strength === 'None' ? null : dayToIso(today - random.int(3, 240))
      },
      0,
      { at: at(today - random.int(10, 400)) }
    );
  });
}

/**
 * Line items summing to every opportunity's Amount. Each account buys from its own few families
 * (the whitespace is the rest); the lost-only family leads the lines of lost deals at a few accounts.
 */
function seedLineItems(org: Org, random: Random, accounts: AccountInfo[], catalog: CatalogProduct[]): void {
  const store = org.store;
  const opportunities = store.table('Opportunity')!;
  const column = (name: string) => opportunities.column(name)!;
  const accountRows = new Map(accounts.map((a) => [store.table('Account')!.rowOf(a.id), a]));
  const families = new Map(accounts.map((a) => [a.id, shuffled(random, SELLING_FAMILIES).slice(0, random.int(2, 4))]));
  const count = opportunities.size;
  for (let row = 0; row < count; row++) {
    const account = accountRows.get(column('AccountId').refs[row]!);
    if (!opportunities.isLive(row) || !account) continue;
    const lostOnly = column('StageName').get(row) === 'Closed Lost' && DEMO_LOST_ONLY_ACCOUNTS.includes(account.name);
    const own = families.get(account.id)!;
    const parts = splitAmount(random, Number(column('Amount').get(row)), 100, random.int(1, 4));
    const currency = org.schema.multiCurrency ? account.currency : '';
    parts.forEach((part, i) => {
      const family = lostOnly && i === 0 ? LOST_ONLY_FAMILY : random.pick(own);
      const product = random.pick(catalog.filter((p) => p.family === family));
      store.insert(
        'OpportunityLineItem',
        { OpportunityId: opportunities.id(row), PricebookEntryId: product.entries.get(currency), Quantity: part.quantity, UnitPrice: part.unitPrice, ServiceDate: dayToIso(Number(column('CloseDate').get(row))) },
        0,
        { at: Number(column('CreatedDate').get(row)) }
      );
    });
  }
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * What happens to the demo's people after the first sync, on three strategic accounts: Meridian's
 * Champion leaves for a company outside its group, Aurora's Economic Buyer gets a new title, and
 * mail to Bluefjord's Decision Maker bounces. `npm start` applies them between the full sync and
 * an incremental one, which finds them and raises the change alerts, as it would in an org.
 */
export const DEMO_ALERT_CHANGES = [
  { account: 'Meridian Capital Bank', role: 'Champion', alert: 'Left account', to: 'Redwood Consulting' },
  { account: 'Aurora Renewables', role: 'Economic Buyer', alert: 'Title changed', title: 'Chair of the Supervisory Board' },
  { account: 'Bluefjord Telecom', role: 'Decision Maker', alert: 'Email bounced' }
] as const;

function demoRows(org: Org, soql: string): Array<Record<string, unknown>> {
  const result = runQuery(org.store, soql, { includeDeleted: false });
  if (result.kind !== 'records') throw new Error(`expected records from ${soql}`);
  return Array.from(result.rows, (row) => JSON.parse(result.projection.json(row, '/services/data/v64.0')) as Record<string, unknown>);
}

/** Applies DEMO_ALERT_CHANGES as `actor` (now, on the org's clock); returns the contacts changed. */
export function applyDemoContactChanges(org: Org, actor: number, now = org.store.clock.now()): string[] {
  return DEMO_ALERT_CHANGES.map((change) => {
    const [stakeholder] = demoRows(org, `SELECT Contact__c FROM Stakeholder__c WHERE Account__r.Name = '${change.account}' AND Buying_Role__c = '${change.role}' ORDER BY Id LIMIT 1`);
    if (!stakeholder) throw new Error(`the demo has no ${change.role} at ${change.account}`);
    const contactId = String(stakeholder.Contact__c);
    if ('to' in change) {
      const [account] = demoRows(org, `SELECT Id FROM Account WHERE Name = '${change.to}'`);
      org.store.update('Contact', contactId, { AccountId: String(account!.Id) }, actor);
    } else if ('title' in change) {
      org.store.update('Contact', contactId, { Title: change.title }, actor);
    } else {
      org.store.update('Contact', contactId, { EmailBouncedDate: new Date(now - 3_600_000).toISOString(), EmailBouncedReason: '550 5.1.1 mailbox unavailable' }, actor);
    }
    return contactId;
  });
}
