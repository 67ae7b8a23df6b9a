import { LightningElement, api } from 'lwc';
import { fitScale, nextZoom } from 'c/orgChartView';
import { formatLabel } from 'c/tandemFormat';
import { labels } from 'c/tandemLabels';
import { mapLabels } from 'c/mapLabels';

// A search match is shown at least this large (a fitted 500-person chart is far smaller).
const READABLE_SCALE = 0.8;
// A refit waits for the width to change by more than this (a scrollbar appearing is not a resize).
const REFIT_TOLERANCE_PX = 24;

/**
 * The org chart: people as boxes on lines, fitted to the width until the user zooms. One tab
 * stop; arrow keys move between people. Events: `selectperson` ({ contactId }) on click or
 * Enter, `togglebranch` ({ contactId }) from a branch's show/hide button.
 */
export default class MapOrgChart extends LightningElement {
  labels = labels;
  mapLabels = mapLabels;
  nodes = [];
  activeId;
  fitted = true;
  scale = 1;
  measuredWidth = 0;
  needsFit = true;
  pendingFocusId;
  pendingScrollId;
  _chart;

  /** { width, height, label, nodes, reportingLines, links, moves, roots } (see chartModel). */
  @api
  get chart() {
    return this._chart;
  }
  set chart(value) {
    this._chart = value;
    if (!value.moves.has(this.activeId)) {
      this.activeId = value.roots[0];
    }
    this.needsFit = this.fitted;
    this.renderNodes();
  }

  /** Moves keyboard focus to a person (after editing, focus returns where it was). */
  @api
  focusPerson(contactId) {
    this.activeId = contactId;
    this.pendingFocusId = contactId;
    this.pendingScrollId = contactId;
    this.renderNodes();
  }

  /** Scrolls a person into the middle of the view (a search match), zoomed in to be read. */
  @api
  showPerson(contactId) {
    // Out of fit mode: revealing the person may widen the chart, which must not shrink it again.
    this.fitted = false;
    this.scale = Math.max(this.scale, READABLE_SCALE);
    this.pendingScrollId = contactId;
  }

  renderNodes() {
    const active = this.activeId;
    this.nodes = this._chart.nodes.map((node) => ({
      ...node,
      tabIndex: node.id === active ? '0' : '-1'
    }));
  }

  get canvasStyle() {
    const { width, height } = this._chart;
    return `width: ${Math.ceil(width * this.scale)}px; height: ${Math.ceil(height * this.scale)}px;`;
  }

  get stageStyle() {
    const { width, height } = this._chart;
    return `width: ${width}px; height: ${height}px; transform: scale(${this.scale});`;
  }

  get zoomText() {
    return formatLabel(mapLabels.mapZoomLevel, Math.round(this.scale * 100));
  }

  renderedCallback() {
    const viewport = this.refs.viewport;
    const width = viewport ? viewport.clientWidth : 0;
    if (this.fitted && width > 0) {
      const resized = Math.abs(width - this.measuredWidth) > REFIT_TOLERANCE_PX;
      if (this.needsFit || resized) {
        this.needsFit = false;
        this.measuredWidth = width;
        const scale = fitScale(this._chart.width, width);
        if (scale !== this.scale) {
          this.scale = scale;
          return; // renders again at the new scale; focus and scroll follow then
        }
      }
    }
    if (this.pendingScrollId) {
      this.scrollTo(this.pendingScrollId);
      this.pendingScrollId = undefined;
    }
    if (this.pendingFocusId) {
      const box = this.template.querySelector(`.node[data-id="${this.pendingFocusId}"]`);
      this.pendingFocusId = undefined;
      if (box) {
        box.focus({ preventScroll: true });
      }
    }
  }

  scrollTo(contactId) {
    const viewport = this.refs.viewport;
    const node = this._chart.nodes.find((n) => n.id === contactId);
    if (!viewport || !node) {
      return;
    }
    const s = this.scale;
    viewport.scrollLeft = Math.max(0, (node.x + node.width / 2) * s - viewport.clientWidth / 2);
    viewport.scrollTop = Math.max(0, (node.y + node.height / 2) * s - viewport.clientHeight / 2);
  }

  handleZoomIn() {
    this.zoomTo(nextZoom(this.scale, 1));
  }

  handleZoomOut() {
    this.zoomTo(nextZoom(this.scale, -1));
  }

  zoomTo(scale) {
    this.fitted = false;
    this.scale = scale;
    this.pendingScrollId = this.activeId;
  }

  handleFit() {
    this.fitted = true;
    this.needsFit = true;
    this.scale = fitScale(this._chart.width, this.measuredWidth || this._chart.width);
  }

  handleNodeClick(event) {
    const id = event.currentTarget.dataset.id;
    this.activeId = id;
    this.renderNodes();
    this.select(id);
  }

  handleNodeKeydown(event) {
    const id = event.currentTarget.dataset.id;
    const move = this._chart.moves.get(id);
    const roots = this._chart.roots;
    const targets = {
      ArrowUp: move.up,
      ArrowDown: move.down,
      ArrowLeft: move.left,
      ArrowRight: move.right,
      Home: roots[0],
      End: roots[roots.length - 1]
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(id);
      return;
    }
    if (!(event.key in targets)) {
      return;
    }
    event.preventDefault();
    if (targets[event.key]) {
      this.focusPerson(targets[event.key]);
    }
  }

  handleToggle(event) {
    const id = event.currentTarget.dataset.id;
    this.activeId = id;
    this.dispatchEvent(new CustomEvent('togglebranch', { detail: { contactId: id } }));
  }

  select(contactId) {
    this.dispatchEvent(new CustomEvent('selectperson', { detail: { contactId } }));
  }
}
