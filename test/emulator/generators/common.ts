// What every generated org has: the Organization row, users, currencies and the custom metadata
// records found in the metadata folders.
import type { Org } from '../org';
import type { Random } from '../random';
import { PERSONAS, type Persona } from '../security/access';
import { DAY_MS, dayToIso } from '../store/values';

export interface OrgProfile {
  name: string;
  fiscalYearStartMonth: number;
  usesStartDateAsFiscalYearName: boolean;
  corporateCurrency: string;
}

export interface UserSpec {
  firstName: string;
  lastName: string;
  alias: string;
  title?: string;
  username?: string;
}

/** Epoch ms of the org's today at 00:00 GMT (generated records are spread from this anchor). */
export function startOfToday(org: Org): number {
  return org.store.clock.today() * DAY_MS;
}

/** Creates the Organization row and the admin user (row 0 of User, who owns everything seeded). */
export function seedOrganization(org: Org, profile: OrgProfile, at: number): void {
  const store = org.store;
  const users = store.table('User')!;
  const adminRow = users.size;
  store.insert(
    'User',
    {
      Username: org.credentials.username,
      FirstName: 'Alex',
      LastName: 'Admin',
      Alias: 'aadmin',
      Email: org.credentials.username,
      Title: 'System Administrator',
      DefaultCurrencyIsoCode: profile.corporateCurrency,
      TimeZoneSidKey: org.store.clock.timeZone
    },
    adminRow,
    { at }
  );
  store.insert(
    'Organization',
    {
      Name: profile.name,
      FiscalYearStartMonth: org.fiscalYearStartMonth ?? profile.fiscalYearStartMonth,
      UsesStartDateAsFiscalYearName: profile.usesStartDateAsFiscalYearName,
      DefaultCurrencyIsoCode: profile.corporateCurrency,
      OrganizationType: 'Enterprise Edition',
      InstanceName: 'EMU1',
      IsSandbox: false,
      TimeZoneSidKey: org.store.clock.timeZone,
      LanguageLocaleKey: 'en_US',
      DefaultLocaleSidKey: 'en_US',
      Country: 'US'
    },
    adminRow,
    { at }
  );
  // Every org has its one standard price book; the API cannot create it (IsStandard is read-only).
  store.insert('Pricebook2', { Name: 'Standard Price Book', IsActive: true, IsStandard: true }, adminRow, { at });
}

export function seedUsers(org: Org, specs: UserSpec[], at: number): string[] {
  return specs.map((spec) => {
    const username = spec.username ?? `${spec.firstName}.${spec.lastName}@tandem.emulator`.toLowerCase();
    const id = org.store.insert(
      'User',
      {
        Username: username,
        FirstName: spec.firstName,
        LastName: spec.lastName,
        Alias: spec.alias,
        Email: username,
        Title: spec.title ?? null,
        DefaultCurrencyIsoCode: org.store.corporateCurrency(),
        TimeZoneSidKey: org.store.clock.timeZone
      },
      0,
      { at }
    );
    setPhotos(org, id);
    return id;
  });
}

/** SmallPhotoUrl/FullPhotoUrl point at the emulator's own avatar images. */
export function setPhotos(org: Org, userId: string): void {
  const users = org.store.table('User')!;
  const row = users.rowOf(userId);
  org.store.write(users, users.field('SmallPhotoUrl')!, row, `${org.instanceUrl}/profilephoto/${userId}/T`);
  org.store.write(users, users.field('FullPhotoUrl')!, row, `${org.instanceUrl}/profilephoto/${userId}/F`);
}

/**
 * `{ CurrencyIsoCode }` for a record in a multi-currency org; nothing in a single-currency org,
 * which has no such field (amounts are then in the org's one currency).
 */
export function currencyOf(org: Org, iso: string): { CurrencyIsoCode?: string } {
  return org.schema.multiCurrency ? { CurrencyIsoCode: iso } : {};
}

/** CurrencyType rows (corporate first) and quarterly DatedConversionRate ranges drifting around them. */
export function seedCurrencies(org: Org, rates: Array<{ iso: string; rate: number }>, random: Random, years: number, at: number): void {
  if (!org.schema.multiCurrency) return;
  rates.forEach(({ iso, rate }, index) => {
    org.store.insert('CurrencyType', { IsoCode: iso, ConversionRate: rate, DecimalPlaces: 2, IsActive: true, IsCorporate: index === 0 }, 0, { at });
  });
  const today = org.store.clock.today();
  const first = new Date((today - years * 366) * DAY_MS);
  for (const { iso, rate } of rates.slice(1)) {
    let current = rate * (0.9 + random.next() * 0.2);
    // Salesforce's first range starts at the beginning of time (0000-12-30); 1900 stands in for it.
    org.store.insert('DatedConversionRate', { IsoCode: iso, ConversionRate: round6(current), StartDate: '1900-01-01' }, 0, { at });
    for (let q = 0; ; q++) {
      const start = Date.UTC(first.getUTCFullYear(), Math.floor(first.getUTCMonth() / 3) * 3 + q * 3, 1) / DAY_MS;
      if (start > today) break;
      current = current * (0.97 + random.next() * 0.06);
      org.store.insert('DatedConversionRate', { IsoCode: iso, ConversionRate: round6(current), StartDate: dayToIso(start) }, 0, { at });
    }
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Loads the custom metadata records (`customMetadata/*.md-meta.xml`) into their __mdt tables. */
export function seedCustomMetadata(org: Org, at: number): void {
  for (const record of org.schema.customMetadata) {
    const table = org.store.table(record.type);
    if (!table) {
      org.store.warnings.push(`custom metadata record ${record.type}.${record.developerName}: type ${record.type} is not in the schema`);
      continue;
    }
    const values: Record<string, unknown> = {
      DeveloperName: record.developerName,
      MasterLabel: record.label,
      Label: record.label,
      Language: 'en_US',
      QualifiedApiName: record.developerName
    };
    for (const [name, value] of Object.entries(record.values)) {
      const field = table.field(name);
      if (!field) {
        org.store.warnings.push(`custom metadata record ${record.type}.${record.developerName}: unknown field ${name}`);
        continue;
      }
      values[field.name] = value;
    }
    org.store.insert(record.type, values, 0, { at });
  }
}

/** The persona users an org gets when its data set names none (usernames `<persona>@tandem.emulator`). */
const DEFAULT_PERSONAS: Record<Exclude<Persona, 'admin'>, UserSpec> = {
  rep: { firstName: 'Riley', lastName: 'Morgan', alias: 'rmorgan', title: 'Key Account Manager', username: 'rep@tandem.emulator' },
  sponsor: { firstName: 'Jordan', lastName: 'Blake', alias: 'jblake', title: 'Chief Revenue Officer', username: 'sponsor@tandem.emulator' },
  integration: { firstName: 'Tandem', lastName: 'Integration', alias: 'tandem', title: 'Integration User', username: 'integration@tandem.emulator' }
};

/**
 * Makes sure the org has its four persona users: the admin (row 0), and a rep, a sponsor and an
 * integration user, reusing a generator's user of the default username or creating one. A data
 * set may assign personas itself first (the demo's sponsor is a real executive sponsor).
 */
export function seedPersonas(org: Org, at: number): void {
  const users = org.store.table('User')!;
  if (org.users.personaRow('admin') === undefined) {
    const row = org.userRow(org.credentials.username);
    if (row < 0) throw new Error('seedPersonas: the org has no admin user (seedOrganization first)');
    org.users.assignPersona('admin', row, org.credentials);
  }
  for (const persona of PERSONAS) {
    if (persona === 'admin' || org.users.personaRow(persona) !== undefined) continue;
    const spec = DEFAULT_PERSONAS[persona];
    let row = org.userRow(spec.username!);
    if (row < 0) row = users.rowOf(seedUsers(org, [spec], at)[0]!);
    org.users.assignPersona(persona, row);
  }
}
