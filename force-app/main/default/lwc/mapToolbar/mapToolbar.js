import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';

/**
 * Finding people on a large map: search by name or title, mapped people only, the child
 * accounts' contacts, expand all, chart or table. Events: `search` ({ term }), `viewchange`
 * ({ value }), `mappedonly` ({ value }),
 * `childaccounts` ({ value }), `expandall`.
 */
export default class MapToolbar extends LightningElement {
  @api searchTerm = '';
  @api matchCount = 0;
  /** People folded away in collapsed branches. */
  @api hiddenCount = 0;
  @api mappedOnly = false;
  @api withChildAccounts = false;
  /** Expand all applies to the chart only. */
  @api showExpandAll = false;
  /** 'chart' or 'table'. */
  @api view;

  labels = labels;
  mapLabels = mapLabels;
  viewOptions = [
    { label: labels.mapViewChart, value: 'chart' },
    { label: labels.mapViewTable, value: 'table' }
  ];

  get searchSummary() {
    const term = (this.searchTerm || '').trim();
    if (!term) {
      return '';
    }
    return this.matchCount > 0
      ? formatLabel(mapLabels.mapSearchMatches, this.matchCount)
      : formatLabel(mapLabels.mapSearchNone, term);
  }

  get foldedText() {
    return this.showExpandAll && this.hiddenCount > 0
      ? formatLabel(mapLabels.mapFolded, this.hiddenCount)
      : '';
  }

  handleSearch(event) {
    this.fire('search', { term: event.detail.value || '' });
  }

  handleMappedOnly(event) {
    this.fire('mappedonly', { value: event.detail.checked });
  }

  handleChildAccounts(event) {
    this.fire('childaccounts', { value: event.detail.checked });
  }

  handleView(event) {
    this.fire('viewchange', { value: event.detail.value });
  }

  handleExpandAll() {
    this.fire('expandall', {});
  }

  fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
