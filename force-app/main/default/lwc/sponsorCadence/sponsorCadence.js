/**
 * Executive-sponsor cadence rules for the sponsor panel. Pure: sponsorships in, order, status
 * and gaps out.
 *
 * A sponsorship is { id, sponsorId, sponsorName, role, counterpartId, cadenceDays,
 * lastEngagement, engagementStatus, daysSinceEngagement }; as elsewhere `undefined` means the
 * field is hidden from the user and `null` that it is blank.
 */

export const ENGAGEMENT = Object.freeze({
  ON_CADENCE: 'On cadence',
  OVERDUE: 'Overdue',
  NONE: 'No engagement'
});

const ROLE_ORDER = ['Executive Sponsor', 'Co-Sponsor', 'Functional Sponsor'];

function daysFrom(fromIso, toIso) {
  const from = Date.parse(`${String(fromIso).slice(0, 10)}T00:00:00Z`);
  const to = Date.parse(`${toIso}T00:00:00Z`);
  return Number.isNaN(from) || Number.isNaN(to) ? null : Math.round((to - from) / 86400000);
}

/**
 * Engagement status and days since the last engagement. The formula fields
 * (Engagement_Status__c, Days_Since_Engagement__c) are the truth when the user can see them;
 * otherwise the same rule as the formula is applied to Last_Engagement__c and Cadence_Days__c:
 * no engagement → "No engagement"; more days than the cadence → "Overdue"; else "On cadence".
 * @returns {{ status: string|null, daysSince: number|null }} status null when not knowable
 */
export function engagementState(sponsorship, today) {
  const { engagementStatus, daysSinceEngagement, lastEngagement, cadenceDays } = sponsorship;
  let daysSince = null;
  if (typeof daysSinceEngagement === 'number') {
    daysSince = daysSinceEngagement;
  } else if (lastEngagement && today) {
    daysSince = daysFrom(lastEngagement, today);
  }
  if (engagementStatus) {
    return { status: engagementStatus, daysSince };
  }
  if (lastEngagement === undefined) {
    return { status: null, daysSince };
  }
  if (lastEngagement === null) {
    return { status: ENGAGEMENT.NONE, daysSince: null };
  }
  if (daysSince === null || typeof cadenceDays !== 'number') {
    return { status: null, daysSince };
  }
  return {
    status: daysSince > cadenceDays ? ENGAGEMENT.OVERDUE : ENGAGEMENT.ON_CADENCE,
    daysSince
  };
}

/**
 * Display order: the current user's own sponsorships first (a sponsor opening an account he
 * sponsors sees himself at the top), then by role seniority, then by sponsor name.
 */
export function orderSponsorships(sponsorships, currentUserId) {
  const rank = (role) => {
    const index = ROLE_ORDER.indexOf(role);
    return index === -1 ? ROLE_ORDER.length : index;
  };
  return sponsorships
    .map((sponsorship, index) => ({ sponsorship, index }))
    .sort((a, b) => {
      const mineA = a.sponsorship.sponsorId === currentUserId ? 0 : 1;
      const mineB = b.sponsorship.sponsorId === currentUserId ? 0 : 1;
      if (mineA !== mineB) {
        return mineA - mineB;
      }
      const byRole = rank(a.sponsorship.role) - rank(b.sponsorship.role);
      if (byRole !== 0) {
        return byRole;
      }
      const byName = String(a.sponsorship.sponsorName || '').localeCompare(
        String(b.sponsorship.sponsorName || '')
      );
      return byName !== 0 ? byName : a.index - b.index;
    })
    .map((entry) => entry.sponsorship);
}

/**
 * High-influence customer executives (stakeholders with Influence__c = High) whom no active
 * sponsorship pairs with one of our executives. Not assessed (empty) when the counterpart field
 * is hidden on every sponsorship, so a permission gap is not reported as a sponsorship gap.
 * @param {Array<{contactId: string, name: string, title?: string, influence?: string}>} stakeholders
 * @param {Array<{counterpartId?: string|null}>} activeSponsorships
 */
export function executivesWithoutSponsor(stakeholders, activeSponsorships) {
  if (
    activeSponsorships.length > 0 &&
    activeSponsorships.every((s) => s.counterpartId === undefined)
  ) {
    return [];
  }
  const covered = new Set(activeSponsorships.map((s) => s.counterpartId).filter(Boolean));
  return stakeholders.filter((s) => s.influence === 'High' && !covered.has(s.contactId));
}
