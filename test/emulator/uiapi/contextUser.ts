// The context user of a UI API request: what Salesforce personalises an answer by. Display values
// follow the user's time zone; labels and picklist labels the user's language.
import type { RequestContext } from '../http/router';
import type { Store } from '../store/store';

export interface ContextUser {
  /** Row of the User record, -1 when there is no session (internal calls). */
  userRow: number;
  /** TimeZoneSidKey: an IANA zone name or GMT. */
  timeZone: string;
  /** LanguageLocaleKey, such as en_US or it. */
  language: string;
}

/** The org's defaults, for calls made without a user. */
export function orgContextUser(store: Store): ContextUser {
  return { userRow: -1, timeZone: store.clock.timeZone, language: 'en_US' };
}

export function contextUserOf(ctx: RequestContext): ContextUser {
  const store = ctx.org.store;
  const row = ctx.session?.userRow ?? -1;
  if (row < 0) return orgContextUser(store);
  const users = store.table('User')!;
  const read = (field: string): string | null => {
    const value = users.column(field)?.get(row);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { userRow: row, timeZone: read('TimeZoneSidKey') ?? store.clock.timeZone, language: read('LanguageLocaleKey') ?? 'en_US' };
}
