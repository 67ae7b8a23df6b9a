import { refreshGraphQL } from 'lightning/graphql';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';

/**
 * The plumbing of a container that reads its data through one GraphQL wire: the wired result
 * (for refreshGraphQL), the last data and errors, loading and error state, and a reload whenever
 * a RefreshEvent reaches the page. The `@wire` itself stays on the component, whose query and
 * operation name are its own; its handler hands each result to `receiveGraphql`:
 *
 *   export default class Panel extends GraphqlWireMixin(LightningElement) {
 *     @wire(graphql, { query: PANEL_QUERY, variables: '$variables', operationName: 'panel' })
 *     wiredPanel(result) {
 *       this.receiveGraphql(result);
 *     }
 *   }
 */
export const GraphqlWireMixin = (Base) =>
  class extends Base {
    wiredResult;
    data;
    errors;

    /**
     * Keeps a wired result; true when it brought data. A failed reload keeps the data shown
     * (the error only replaces the content while there is none).
     */
    receiveGraphql(result) {
      this.wiredResult = result;
      if (result.data) {
        this.data = result.data;
        this.errors = undefined;
        return true;
      }
      if (result.errors) {
        this.errors = result.errors;
      }
      return false;
    }

    connectedCallback() {
      // Base may be another mixin (NavigationMixin) with a callback of its own.
      if (super.connectedCallback) {
        super.connectedCallback();
      }
      this.refreshHandlerId = registerRefreshHandler(this, this.refreshData);
    }

    disconnectedCallback() {
      if (super.disconnectedCallback) {
        super.disconnectedCallback();
      }
      unregisterRefreshHandler(this.refreshHandlerId);
    }

    /** Another component changed records this one shows (a RefreshEvent reached the page). */
    refreshData() {
      // No result yet (the wire has not answered, or its query waits for an id): nothing to reload.
      return this.wiredResult ? refreshGraphQL(this.wiredResult) : Promise.resolve();
    }

    get isLoading() {
      return !this.data && !this.errors;
    }

    get hasLoadError() {
      return !this.data && Boolean(this.errors);
    }
  };
