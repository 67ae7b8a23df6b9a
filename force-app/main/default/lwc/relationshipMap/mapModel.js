/**
 * The relationship map's model: GraphQL records in, people out (who they are, how we stand with
 * them, in the user's language), plus the coverage gaps. Pure, so it runs once per answer of
 * the wire and never in a getter.
 */
import { recordsOf, valueOf, displayOf, parentValueOf } from 'c/graphqlRecords';
import { coverageGaps, daysSinceInteraction, isStale, GAP } from 'c/coverageRules';
import { layoutOrgChart } from 'c/orgChartLayout';
import { formatDate, formatLabel, NO_VALUE } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';
import { trendLabels } from 'c/trendLabels';
import { readHistory, trendsOf, TREND, TREND_DAYS } from 'c/relationshipTrends';
import { alertGapText, alertView, readAlert } from 'c/changeAlerts';

// Attitude is shown with a colour (CSS class) AND a symbol AND a word, never colour alone.
const ATTITUDE_SYMBOL = {
  Advocate: '++',
  Supporter: '+',
  Neutral: '=',
  Skeptic: '−',
  Detractor: '−−'
};
const UNKNOWN_SYMBOL = '?';
const INFLUENCE_CLASS = {
  High: 'influence-high',
  Medium: 'influence-medium',
  Low: 'influence-low'
};

function readContacts(data, fromChildAccounts) {
  return recordsOf(data, 'Contact').map((node) => ({
    id: node.Id,
    name: valueOf(node, 'Name') || NO_VALUE,
    title: valueOf(node, 'Title') || null,
    reportsToId: valueOf(node, 'ReportsToId') || null,
    accountName: fromChildAccounts ? parentValueOf(node, 'Account', 'Name') : null
  }));
}

function readStakeholder(node, name) {
  return {
    id: node.Id,
    name,
    contactId: valueOf(node, 'Contact__c'),
    buyingRole: valueOf(node, 'Buying_Role__c'),
    roleText: displayOf(node, 'Buying_Role__c'),
    influence: valueOf(node, 'Influence__c'),
    influenceText: displayOf(node, 'Influence__c'),
    attitude: valueOf(node, 'Attitude__c'),
    attitudeText: displayOf(node, 'Attitude__c'),
    strength: valueOf(node, 'Relationship_Strength__c'),
    strengthText: displayOf(node, 'Relationship_Strength__c'),
    ownerId: valueOf(node, 'Relationship_Owner__c'),
    ownerName: parentValueOf(node, 'Relationship_Owner__r', 'Name'),
    lastInteraction: valueOf(node, 'Last_Interaction__c'),
    notes: valueOf(node, 'Notes__c'),
    // undefined when the user may not read the field (no gap then), null when there is none.
    changeAlert: valueOf(node, 'Change_Alert__c'),
    alert: readAlert(node)
  };
}

/**
 * The people of the map: the account's contacts (and its child accounts' when given), each with
 * his stakeholder record if mapped, and the informal links between mapped people.
 */
export function readMap(data, childData) {
  const contacts = [...readContacts(data, false), ...readContacts(childData, true)];
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  // A stakeholder whose contact is no longer the account's (he left it: the sync raised a change
  // alert) stays on the map, at the top of the chart, so the team sees who went.
  recordsOf(data, 'Stakeholder__c').forEach((node) => {
    const contactId = valueOf(node, 'Contact__c');
    const name = parentValueOf(node, 'Contact__r', 'Name');
    if (contactId && name && !contactById.has(contactId)) {
      const departed = {
        id: contactId,
        name,
        title: parentValueOf(node, 'Contact__r', 'Title') || null,
        reportsToId: null,
        accountName: null
      };
      contacts.push(departed);
      contactById.set(contactId, departed);
    }
  });
  const stakeholderByContact = new Map();
  recordsOf(data, 'Stakeholder__c').forEach((node) => {
    const contactId = valueOf(node, 'Contact__c');
    if (contactId && contactById.has(contactId)) {
      stakeholderByContact.set(contactId, readStakeholder(node, contactById.get(contactId).name));
    }
  });
  const contactOfStakeholder = new Map(
    [...stakeholderByContact.values()].map((s) => [s.id, s.contactId])
  );
  const links = recordsOf(data, 'Stakeholder_Link__c')
    .map((node) => ({
      id: node.Id,
      fromContactId: contactOfStakeholder.get(valueOf(node, 'From__c')),
      toContactId: contactOfStakeholder.get(valueOf(node, 'To__c')),
      type: valueOf(node, 'Type__c'),
      typeText: displayOf(node, 'Type__c')
    }))
    .filter((link) => link.fromContactId && link.toContactId);
  return { contacts, contactById, stakeholderByContact, links };
}

function freshnessOf(stakeholder, today, staleAfterDays) {
  if (stakeholder.lastInteraction === undefined) {
    return { freshness: null, stale: false };
  }
  const days = daysSinceInteraction(stakeholder.lastInteraction, today);
  const stale = isStale(stakeholder.lastInteraction, today, staleAfterDays);
  if (days === null) {
    return { freshness: labels.mapNoInteraction, stale };
  }
  return {
    freshness: formatLabel(stale ? labels.mapStaleDaysAgo : labels.mapDaysAgo, days),
    stale
  };
}

const TREND_VIEW = {
  [TREND.IMPROVING]: { symbol: '↑', label: 'trendImproving' },
  [TREND.DECAYING]: { symbol: '↓', label: 'trendDecaying' },
  [TREND.STEADY]: { symbol: '→', label: 'trendSteady' }
};

/** An arrow and its words for one field, or null when the field or its history is hidden. */
function trendView(trends, field, fieldLabel, current) {
  const entry = trends && trends[field];
  if (!entry || current === undefined) {
    return null;
  }
  const view = TREND_VIEW[entry.trend];
  const words = formatLabel(trendLabels[view.label], TREND_DAYS);
  return {
    trend: entry.trend,
    symbol: view.symbol,
    className: `trend trend-${entry.trend}`,
    words,
    title: `${fieldLabel}: ${words}`
  };
}

function ownerTextOf(stakeholder) {
  if (stakeholder.ownerId === undefined) {
    return null;
  }
  return stakeholder.ownerName || (stakeholder.ownerId ? NO_VALUE : labels.mapNoOwner);
}

function ariaLabelOf(person) {
  const parts = [person.name];
  if (person.title) {
    parts.push(person.title);
  }
  if (!person.mapped) {
    parts.push(labels.mapNotMapped);
    return parts.join('. ');
  }
  const withTrend = (text, trend) => (text && trend ? `${text}, ${trend.words}` : text);
  [
    [labels.mapColRole, person.roleText],
    [labels.mapColInfluence, person.influenceText],
    [labels.mapColAttitude, withTrend(person.attitudeText, person.attitudeTrend)],
    [labels.mapColStrength, withTrend(person.strengthText, person.strengthTrend)],
    [labels.mapColOwner, person.ownerText],
    [labels.mapColLastInteraction, person.freshness],
    [null, person.alert && person.alert.badgeTitle]
  ].forEach(([label, value]) => {
    if (value) {
      parts.push(label ? `${label}: ${value}` : value);
    }
  });
  return parts.join('. ');
}

/** Everything the chart, the table and the editor show about one person. */
export function describePerson(contact, stakeholder, { today, staleAfterDays }) {
  const base = {
    id: contact.id,
    name: contact.name,
    title: contact.title,
    accountName: contact.accountName,
    reportsToId: contact.reportsToId,
    mapped: Boolean(stakeholder),
    stakeholder
  };
  if (!stakeholder) {
    const person = {
      ...base,
      attitudeTone: 'unknown',
      attitudeSymbol: UNKNOWN_SYMBOL,
      influenceClass: ''
    };
    return { ...person, ariaLabel: ariaLabelOf(person) };
  }
  const attitude = stakeholder.attitude || 'Unknown';
  const person = {
    ...base,
    roleText: stakeholder.roleText || null,
    influenceText: stakeholder.influenceText || null,
    attitudeText:
      stakeholder.attitude === undefined
        ? null
        : stakeholder.attitudeText || labels.valueAttitudeUnknown,
    attitudeTone: ATTITUDE_SYMBOL[attitude] ? attitude.toLowerCase() : 'unknown',
    attitudeSymbol: ATTITUDE_SYMBOL[attitude] || UNKNOWN_SYMBOL,
    strengthText: stakeholder.strengthText || null,
    ownerText: ownerTextOf(stakeholder),
    lastInteractionText: stakeholder.lastInteraction
      ? formatDate(stakeholder.lastInteraction)
      : null,
    influenceClass: INFLUENCE_CLASS[stakeholder.influence] || 'influence-low',
    attitudeTrend: trendView(
      stakeholder.trends,
      'Attitude__c',
      labels.mapColAttitude,
      stakeholder.attitude
    ),
    strengthTrend: trendView(
      stakeholder.trends,
      'Relationship_Strength__c',
      labels.mapColStrength,
      stakeholder.strength
    ),
    alert: alertView(stakeholder.alert),
    ...freshnessOf(stakeholder, today, staleAfterDays)
  };
  return { ...person, ariaLabel: ariaLabelOf(person) };
}

/**
 * The coverage gaps in words. A gap about people comes as the text before and after the names
 * (the label's `{0}`, wherever a language puts it), so the names can be buttons.
 */
export function gapsOf(model, { today, staleAfterDays }) {
  const template = {
    [GAP.NO_ECONOMIC_BUYER]: labels.mapGapNoEconomicBuyer,
    [GAP.NO_CHAMPION]: labels.mapGapNoChampion,
    [GAP.HIGH_INFLUENCE_NO_OWNER]: labels.mapGapNoOwner,
    [GAP.HIGH_INFLUENCE_WEAK]: labels.mapGapWeak,
    [GAP.HIGH_INFLUENCE_OPPOSED]: labels.mapGapOpposed,
    [GAP.HIGH_INFLUENCE_STALE]: labels.mapGapStale
  };
  return coverageGaps([...model.stakeholderByContact.values()], { today, staleAfterDays }).map(
    (gap) => {
      if (gap.code === GAP.CHANGE_ALERT) {
        const contactId = gap.people[0].contactId;
        const stakeholder = model.stakeholderByContact.get(contactId);
        const previousTitle = stakeholder.alert && stakeholder.alert.previousTitle;
        return {
          code: gap.code,
          key: `${gap.code}-${contactId}`,
          ...alertGapText(gap.alert, stakeholder.roleText, previousTitle),
          people: gap.people
        };
      }
      const [before, after = ''] = String(template[gap.code]).split('{0}');
      return {
        code: gap.code,
        key: gap.code,
        before: formatLabel(before, '', staleAfterDays),
        after: formatLabel(after, '', staleAfterDays),
        people: gap.people
      };
    }
  );
}

/** A person's informal links in words ("Influences Marco Verdi", "Anna Neri: allied with this person"). */
export function linksOfPerson(links, people, contactId) {
  return links
    .filter((link) => link.fromContactId === contactId || link.toContactId === contactId)
    .map((link) => {
      const outgoing = link.fromContactId === contactId;
      const other = people.get(outgoing ? link.toContactId : link.fromContactId);
      const typeText = link.typeText || link.type;
      const text = outgoing
        ? `${typeText} ${other.name}`
        : formatLabel(labels.mapLinkIncoming, other.name, typeText);
      return { id: link.id, text, removeTitle: formatLabel(labels.mapLinkRemoveTitle, text) };
    });
}

/**
 * Each stakeholder's attitude and strength trend against 90 days ago, from the history rows of
 * the same answer; none when the user may not read the history (the connection is left out).
 */
function addTrends(data, stakeholderByContact, today) {
  const query = data && data.uiapi && data.uiapi.query;
  if (!query || !query.Stakeholder__History) {
    return;
  }
  const stakeholders = [...stakeholderByContact.values()];
  const trends = trendsOf(
    readHistory(data),
    stakeholders.map((s) => ({
      id: s.id,
      values: { Attitude__c: s.attitude, Relationship_Strength__c: s.strength }
    })),
    today
  );
  stakeholders.forEach((s) => {
    s.trends = trends.get(s.id);
  });
}

/**
 * Everything the map derives from one answer of its queries: the model, the reporting forest
 * (managers resolved, cycles cut), each person described, and the coverage gaps.
 */
export function readPeople(data, childData, rules) {
  const model = readMap(data, childData);
  const { contacts, stakeholderByContact } = model;
  addTrends(data, stakeholderByContact, rules.today);
  const forest = layoutOrgChart(
    contacts.map((c) => ({ id: c.id, parentId: c.reportsToId }))
  ).nodes.map(({ id, parentId }) => ({ id, parentId }));
  const personList = contacts.map((c) => describePerson(c, stakeholderByContact.get(c.id), rules));
  return {
    model,
    forest,
    personList,
    people: new Map(personList.map((p) => [p.id, p])),
    gaps: gapsOf(model, rules)
  };
}

/**
 * The Stakeholder_Link__c record for a new informal link between two people, or the problem in
 * words: no other person chosen, or one who is not mapped (links join stakeholder records).
 */
export function linkBetween(model, fromContactId, toContactId, type, accountId) {
  if (!toContactId) {
    return { problem: labels.mapLinkChooseTarget };
  }
  const from = model.stakeholderByContact.get(fromContactId);
  const to = model.stakeholderByContact.get(toContactId);
  if (!from || !to || from === to) {
    return { problem: mapLabels.mapLinkNotMapped };
  }
  return {
    record: {
      apiName: 'Stakeholder_Link__c',
      fields: { Account__c: accountId, From__c: from.id, To__c: to.id, Type__c: type }
    }
  };
}
