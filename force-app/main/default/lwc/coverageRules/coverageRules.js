/**
 * Relationship-coverage rules for the relationship map: which gaps in our access to the
 * customer's buying centre an account team should close. Pure: stakeholders in, gaps out.
 *
 * A stakeholder is { contactId, name, buyingRole, influence, attitude, strength, ownerId,
 * lastInteraction, changeAlert }. A value of `undefined` means the field is hidden from the user (GraphQL
 * returned no field object); `null` means it is blank. A rule that depends on a hidden field
 * is not assessed, so a permission gap never shows up as a relationship gap.
 */

export const GAP = Object.freeze({
  NO_ECONOMIC_BUYER: 'NO_ECONOMIC_BUYER',
  NO_CHAMPION: 'NO_CHAMPION',
  HIGH_INFLUENCE_NO_OWNER: 'HIGH_INFLUENCE_NO_OWNER',
  HIGH_INFLUENCE_WEAK: 'HIGH_INFLUENCE_WEAK',
  HIGH_INFLUENCE_OPPOSED: 'HIGH_INFLUENCE_OPPOSED',
  HIGH_INFLUENCE_STALE: 'HIGH_INFLUENCE_STALE',
  CHANGE_ALERT: 'CHANGE_ALERT'
});

const WEAK_STRENGTHS = new Set(['Weak', 'None', null]);
const OPPOSED_ATTITUDES = new Set(['Skeptic', 'Detractor']);

function visible(stakeholders, field) {
  return stakeholders.length === 0 || stakeholders.some((s) => s[field] !== undefined);
}

function person(stakeholder) {
  return { contactId: stakeholder.contactId, name: stakeholder.name };
}

/** Days since the last interaction, or null when there never was one (or it is hidden). */
export function daysSinceInteraction(lastInteraction, today) {
  if (!lastInteraction || !today) {
    return null;
  }
  const from = Date.parse(`${String(lastInteraction).slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    return null;
  }
  return Math.round((to - from) / 86400000);
}

/**
 * True when a relationship needs attention: never contacted, or contacted longer ago than the
 * threshold. Unknown (hidden field) is not stale.
 */
export function isStale(lastInteraction, today, staleAfterDays) {
  if (lastInteraction === undefined) {
    return false;
  }
  const days = daysSinceInteraction(lastInteraction, today);
  return days === null || days > staleAfterDays;
}

/**
 * The coverage gaps of an account's stakeholders, in the order an account team should read
 * them: missing roles first, then each person with an open change alert (a gap of its own: the
 * sync found that he left the account, changed title or cannot be emailed), then high-influence
 * people we are not covering.
 * @param {object[]} stakeholders see the module comment
 * @param {{ today?: string, staleAfterDays?: number }} [options] enable the freshness rule
 * @returns {Array<{ code: string, alert?: string, people: Array<{contactId: string, name: string}> }>}
 */
export function coverageGaps(stakeholders, { today, staleAfterDays } = {}) {
  if (!Array.isArray(stakeholders)) {
    throw new TypeError('coverageRules: stakeholders must be an array');
  }
  const gaps = [];
  if (visible(stakeholders, 'buyingRole')) {
    if (!stakeholders.some((s) => s.buyingRole === 'Economic Buyer')) {
      gaps.push({ code: GAP.NO_ECONOMIC_BUYER, people: [] });
    }
    if (!stakeholders.some((s) => s.buyingRole === 'Champion')) {
      gaps.push({ code: GAP.NO_CHAMPION, people: [] });
    }
  }
  stakeholders
    .filter((s) => s.changeAlert)
    .forEach((s) =>
      gaps.push({ code: GAP.CHANGE_ALERT, alert: s.changeAlert, people: [person(s)] })
    );
  const highInfluence = stakeholders.filter((s) => s.influence === 'High');
  const addGap = (code, field, test) => {
    if (!visible(highInfluence, field)) {
      return;
    }
    const people = highInfluence.filter((s) => s[field] !== undefined && test(s));
    if (people.length > 0) {
      gaps.push({ code, people: people.map(person) });
    }
  };
  addGap(GAP.HIGH_INFLUENCE_NO_OWNER, 'ownerId', (s) => !s.ownerId);
  addGap(GAP.HIGH_INFLUENCE_WEAK, 'strength', (s) => WEAK_STRENGTHS.has(s.strength));
  addGap(GAP.HIGH_INFLUENCE_OPPOSED, 'attitude', (s) => OPPOSED_ATTITUDES.has(s.attitude));
  if (today && Number.isFinite(staleAfterDays)) {
    addGap(GAP.HIGH_INFLUENCE_STALE, 'lastInteraction', (s) =>
      isStale(s.lastInteraction, today, staleAfterDays)
    );
  }
  return gaps;
}
