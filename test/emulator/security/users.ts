// The org's users as the security model sees them: who is admin, which permission sets each holds,
// each persona's password and connected app (the client-credentials flow runs as the app's user).
import type { Store } from '../store/store';
import { Random } from '../random';
import { PERSONAS, type OrgUser, type Persona } from './access';

/** The permission sets each persona holds (the admin holds the System Administrator profile). */
export const PERSONA_PERMISSION_SETS: Record<Persona, string[]> = {
  admin: [],
  rep: ['Tandem_User'],
  sponsor: ['Tandem_Sponsor'],
  integration: ['Tandem_Integration']
};

/** A connected app; `client_credentials` runs as `runAsRow`. */
export interface ConnectedApp {
  clientId: string;
  clientSecret: string;
  runAsRow: number;
}

/** What a persona logs in with (the CLI's `users` entry). */
export interface PersonaLogin {
  username: string;
  password: string;
  clientId: string;
  clientSecret: string;
}

export class UserDirectory {
  private readonly assigned = new Map<number, { persona: Persona | null; admin: boolean; permissionSets: string[] }>();
  private readonly passwords = new Map<number, string>();
  private readonly personaRows = new Map<Persona, number>();
  readonly apps: ConnectedApp[] = [];

  constructor(
    private readonly store: Store,
    private readonly seed: number
  ) {}

  /**
   * Makes the user at `row` a persona: its permission sets, a password (the admin's is given; the
   * others are derived from the seed) and, for non-admins, a connected app of its own.
   */
  assignPersona(persona: Persona, row: number, credentials?: { password: string; clientId: string; clientSecret: string }): void {
    const previous = this.personaRows.get(persona);
    if (previous !== undefined) this.assigned.delete(previous);
    this.personaRows.set(persona, row);
    this.assigned.set(row, { persona, admin: persona === 'admin', permissionSets: PERSONA_PERMISSION_SETS[persona] });
    const random = new Random(this.seed ^ (0x5eed00 + PERSONAS.indexOf(persona) * 7919));
    this.passwords.set(row, credentials?.password ?? `Emu-${random.hex(12)}`);
    const app = credentials
      ? { clientId: credentials.clientId, clientSecret: credentials.clientSecret, runAsRow: row }
      : { clientId: `3MVG9${random.hex(40)}`, clientSecret: random.hex(64).toUpperCase(), runAsRow: row };
    this.registerApp(app);
  }

  /** Gives a non-persona user permission sets (tests that need a fourth kind of user). */
  assignPermissionSets(row: number, permissionSets: string[], password?: string): void {
    this.assigned.set(row, { persona: null, admin: false, permissionSets: [...permissionSets] });
    if (password) this.passwords.set(row, password);
  }

  /** Registers a connected app (the org's own app exists before any data set is generated). */
  registerApp(app: ConnectedApp): void {
    const index = this.apps.findIndex((a) => a.clientId === app.clientId);
    if (index >= 0) this.apps.splice(index, 1);
    this.apps.push(app);
  }

  personaRow(persona: Persona): number | undefined {
    return this.personaRows.get(persona);
  }

  /** The user of a User row. Users without a persona hold only the baseline profile. */
  user(row: number): OrgUser {
    const users = this.store.table('User')!;
    const assigned = this.assigned.get(row);
    return {
      row,
      id: users.id(row),
      username: String(users.column('Username')!.get(row) ?? ''),
      persona: assigned?.persona ?? null,
      admin: assigned?.admin ?? false,
      permissionSets: assigned?.permissionSets ?? []
    };
  }

  persona(persona: Persona): OrgUser {
    const row = this.personaRows.get(persona);
    if (row === undefined) throw new Error(`the org has no ${persona} user yet`);
    return this.user(row);
  }

  /** Users without a password (generated colleagues) cannot log in with one. */
  passwordMatches(row: number, password: string | null): boolean {
    const expected = this.passwords.get(row);
    return expected !== undefined && password === expected;
  }

  app(clientId: string | null): ConnectedApp | undefined {
    return this.apps.find((a) => a.clientId === clientId);
  }

  login(persona: Persona): PersonaLogin {
    const row = this.personaRows.get(persona);
    if (row === undefined) throw new Error(`the org has no ${persona} user yet`);
    const app = this.apps.find((a) => a.runAsRow === row)!;
    return { username: this.user(row).username, password: this.passwords.get(row)!, clientId: app.clientId, clientSecret: app.clientSecret };
  }

  logins(): Record<Persona, PersonaLogin> {
    return Object.fromEntries(PERSONAS.filter((p) => this.personaRows.has(p)).map((p) => [p, this.login(p)])) as Record<Persona, PersonaLogin>;
  }
}
