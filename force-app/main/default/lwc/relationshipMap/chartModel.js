/**
 * The org chart as the map shows it: which people (folded branches, "mapped people only"),
 * where (the layout), with which lines, and the words in each box. Pure; the container calls it
 * when the data or the user's view choices change, never from a getter.
 */
import { layoutOrgChart, navigationMap } from 'c/orgChartLayout';
import { keepPeople, managersAbove, visibleForest } from 'c/orgChartView';
import { chartGeometry, NODE_WIDTH, NODE_HEIGHT } from 'c/mapGeometry';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';
import { linksOfPerson } from './mapModel';

export const NODE_SIZE = Object.freeze({ nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT });

/** Width of a chart of these people, for choosing how much to fold at first. */
export function chartWidth(nodes) {
  return layoutOrgChart(nodes, NODE_SIZE).width;
}

function toggleOf(person, shown) {
  if (shown.reports === 0) {
    return null;
  }
  return shown.collapsed
    ? {
        expanded: 'false',
        text: `+${shown.hidden}`,
        label: formatLabel(mapLabels.mapShowReports, shown.hidden, person.name)
      }
    : { expanded: 'true', text: '−', label: formatLabel(mapLabels.mapHideReports, person.name) };
}

function nodeOf(person, placed, shown, { selectedId, matches }) {
  const selected = person.id === selectedId;
  const matched = matches.has(person.id);
  const boxClass = ['node', person.influenceClass, person.mapped ? 'mapped' : 'unmapped'];
  if (selected) {
    boxClass.push('selected');
  }
  if (matched) {
    boxClass.push('matched');
  }
  if (person.alert) {
    boxClass.push('has-alert');
  }
  const subtitle = [
    person.title,
    person.accountName && formatLabel(mapLabels.mapAccountOf, person.accountName)
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    ...person,
    x: placed.x,
    y: placed.y,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    style: `left: ${placed.x}px; top: ${placed.y}px; width: ${NODE_WIDTH}px; height: ${NODE_HEIGHT}px;`,
    boxClass: boxClass.join(' '),
    stripeClass: `stripe attitude-${person.attitudeTone}`,
    subtitle,
    roleLine: [
      person.roleText,
      person.influenceText && formatLabel(labels.mapInfluenceShort, person.influenceText)
    ]
      .filter(Boolean)
      .join(' · '),
    freshnessClass: person.stale ? 'line freshness stale' : 'line freshness',
    notMappedText: labels.mapNotMappedShort,
    ariaLabel: person.accountName ? `${person.ariaLabel}. ${subtitle}` : person.ariaLabel,
    ariaPressed: selected ? 'true' : 'false',
    matched,
    toggle: toggleOf(person, shown)
  };
}

/**
 * @param {object} input
 * @param {Array<{id, parentId}>} input.forest every person, managers resolved (layoutOrgChart)
 * @param {Map<string, object>} input.people describePerson() of each id
 * @param {Array} input.links informal links between contact ids
 * @param {Set<string>} input.collapsed folded branches
 * @param {boolean} input.mappedOnly show mapped people only
 * @param {string} [input.selectedId] the person open in the editor
 * @param {Set<string>} input.matches people the search found
 */
export function buildChart({ forest, people, links, collapsed, mappedOnly, selectedId, matches }) {
  const kept = keepPeople(forest, mappedOnly ? (id) => people.get(id).mapped : null);
  const { nodes: shownNodes, hiddenCount } = visibleForest(kept, collapsed);
  const layout = layoutOrgChart(shownNodes, NODE_SIZE);
  const shownById = new Map(shownNodes.map((n) => [n.id, n]));
  const visibleLinks = links.filter(
    (l) => shownById.has(l.fromContactId) && shownById.has(l.toContactId)
  );
  const geometry = chartGeometry(layout, visibleLinks);
  const typeTextOf = new Map(visibleLinks.map((l) => [l.id, l.typeText || l.type]));
  return {
    width: Math.max(layout.width, NODE_WIDTH),
    height: Math.max(layout.height, NODE_HEIGHT),
    label: formatLabel(labels.mapChartLabel, shownNodes.length),
    hiddenCount,
    roots: layout.roots,
    moves: navigationMap(layout),
    nodes: layout.nodes.map((placed) =>
      nodeOf(people.get(placed.id), placed, shownById.get(placed.id), { selectedId, matches })
    ),
    reportingLines: geometry.reportingLines,
    links: geometry.links.map((link) => ({
      ...link,
      typeText: typeTextOf.get(link.id),
      lineClass: `link-line link-${link.tone}`,
      arrowClass: `link-arrow link-${link.tone}`,
      labelClass: `link-label link-${link.tone}`
    }))
  };
}

/**
 * Everything the map shows for the user's choices: the chart, and the person open in the panel
 * with his links and whether the user may edit him (`stakeholderAccess` from getObjectInfos).
 */
export function mapViewOf(
  read,
  { collapsed, mappedOnly, selectedId, matchIds },
  stakeholderAccess
) {
  const { forest, people, model } = read;
  const selected = selectedId ? people.get(selectedId) : undefined;
  return {
    chart: buildChart({
      forest,
      people,
      links: model.links,
      collapsed,
      mappedOnly,
      selectedId,
      matches: new Set(matchIds)
    }),
    selected,
    selectedLinks: selected ? linksOfPerson(model.links, people, selected.id) : [],
    canEditSelected:
      Boolean(selected) &&
      (selected.mapped ? stakeholderAccess.updateable : stakeholderAccess.createable)
  };
}

/** The choices that show these people: their managers unfolded, "mapped only" off if it hides them. */
export function revealing(read, { collapsed, mappedOnly }, ids) {
  const above = managersAbove(read.forest, ids);
  return {
    collapsed: new Set([...collapsed].filter((id) => !above.has(id))),
    mappedOnly: mappedOnly && ids.every((id) => read.people.get(id).mapped)
  };
}
