// The preview's pages, chosen with ?page= (a switch in the header): the Account record page (an
// Account picker, strategic accounts first, a highlights panel and the three Tandem components
// placed as the FlexiPage places them: plan and relationship map as main tabs, sponsors in the
// sidebar), the SAM Program App page (samProgram, as the Tandem_Program FlexiPage hosts it) and
// the Home page (the user's sponsor portfolio above samProgram, as Tandem_Home places them).
// A language and a user switch on every page. No decorators: the root
// component needs none, and the repository's lint parses test/**/*.js without them.
import { LightningElement } from 'lwc';
import PLAN_TITLE from '@salesforce/label/c.Tandem_Plan_Title';
import MAP_TITLE from '@salesforce/label/c.Tandem_Map_Title';
import MATRIX_TITLE from '@salesforce/label/c.Tandem_Matrix_Title';
import { previewConfig } from 'preview/config';
import { postGraphQL } from 'preview/api';
import { chromeText } from './chromeText';

const ACCOUNTS_QUERY = `query previewAccounts {
  uiapi {
    query {
      Account(first: 200, orderBy: { Name: { order: ASC } }) {
        edges { node { Id Name { value } Strategic_Account__c { value } Industry { value } Type { value }
          AnnualRevenue { value } CurrencyIsoCode { value } BillingCity { value } BillingCountry { value } } }
      }
    }
  }
}`;

const TOAST_MILLIS = 4000;

/** The pages the preview serves (?page=…), the record page by default. */
export const PAGES = ['record', 'program', 'home'];

export function pageOf(search) {
  const requested = new URLSearchParams(search).get('page');
  return PAGES.includes(requested) ? requested : 'record';
}

function valueOf(node, field) {
  return node[field] ? node[field].value : null;
}

/** Strategic accounts first, each group by name. */
export function orderAccounts(nodes) {
  return nodes
    .map((node) => ({
      id: node.Id,
      name: valueOf(node, 'Name'),
      strategic: valueOf(node, 'Strategic_Account__c') === true,
      industry: valueOf(node, 'Industry'),
      type: valueOf(node, 'Type'),
      annualRevenue: valueOf(node, 'AnnualRevenue'),
      currency: valueOf(node, 'CurrencyIsoCode'),
      city: [valueOf(node, 'BillingCity'), valueOf(node, 'BillingCountry')].filter(Boolean).join(', ')
    }))
    .sort((a, b) => Number(b.strategic) - Number(a.strategic) || a.name.localeCompare(b.name));
}

export default class PreviewPage extends LightningElement {
  accounts = [];
  recordId;
  loadError;
  toast;
  text = chromeText(previewConfig().lang);
  planTitle = PLAN_TITLE;
  mapTitle = MAP_TITLE;
  matrixTitle = MATRIX_TITLE;
  page = pageOf(window.location.search);

  connectedCallback() {
    this.template.addEventListener('lightning__showtoast', (event) => this.showToast(event.detail));
    // An Account's record page opened from another page (NavigationMixin) opens it here.
    this.navigateHandler = (event) => this.openRecordPage(event.detail);
    window.addEventListener('preview:navigate', this.navigateHandler);
    this.loadAccounts();
  }

  disconnectedCallback() {
    window.removeEventListener('preview:navigate', this.navigateHandler);
  }

  openRecordPage(pageReference) {
    const attributes = (pageReference && pageReference.attributes) || {};
    if (pageReference.type !== 'standard__recordPage' || !this.accounts.some((a) => a.id === attributes.recordId)) {
      return;
    }
    const params = new URLSearchParams(window.location.search);
    params.set('page', 'record');
    params.set('recordId', attributes.recordId);
    window.location.search = `?${params}`;
  }

  get isRecordPage() {
    return this.page === 'record';
  }

  get isProgramPage() {
    return this.page === 'program';
  }

  get isHomePage() {
    return this.page === 'home';
  }

  get showRecord() {
    return this.isRecordPage && Boolean(this.account);
  }

  get pages() {
    return PAGES.map((name) => ({
      name,
      label: this.text.pages[name],
      variant: name === this.page ? 'brand' : 'neutral'
    }));
  }

  handlePage(event) {
    this.reloadWith('page', event.target.dataset.page);
  }

  async loadAccounts() {
    const body = await postGraphQL(ACCOUNTS_QUERY, {}, 'previewAccounts');
    if (body.errors && body.errors.length) {
      this.loadError = body.errors.map((error) => error.message).join('; ');
      return;
    }
    this.accounts = orderAccounts(body.data.uiapi.query.Account.edges.map((edge) => edge.node));
    const requested = new URLSearchParams(window.location.search).get('recordId');
    const first = this.accounts[0];
    this.recordId = this.accounts.some((account) => account.id === requested) ? requested : first && first.id;
  }

  get account() {
    return this.accounts.find((account) => account.id === this.recordId);
  }

  get strategicOptions() {
    return this.options(true);
  }

  get otherOptions() {
    return this.options(false);
  }

  options(strategic) {
    return this.accounts
      .filter((account) => account.strategic === strategic)
      .map((account) => ({ ...account, selected: account.id === this.recordId }));
  }

  get annualRevenue() {
    const account = this.account;
    const amount = account && account.annualRevenue;
    if (amount === null || amount === undefined) {
      return '';
    }
    // In the record's currency (multi-currency org), in the user's locale.
    return new Intl.NumberFormat(previewConfig().locale, {
      style: 'currency',
      currency: account.currency || previewConfig().currency,
      maximumFractionDigits: 0
    }).format(amount);
  }

  get languages() {
    const current = previewConfig().lang;
    return [
      { code: 'en', name: 'English' },
      { code: 'it', name: 'Italiano' }
    ].map((language) => ({ ...language, variant: language.code === current ? 'brand' : 'neutral' }));
  }

  handleAccountChange(event) {
    this.recordId = event.target.value;
    const params = new URLSearchParams(window.location.search);
    params.set('recordId', this.recordId);
    window.history.replaceState(null, '', `?${params}`);
  }

  /** The org's users the page can act as; the current one is highlighted. */
  get users() {
    const config = previewConfig();
    const current = config.user || 'admin';
    return (config.users || []).map((name) => ({
      name,
      label: this.text.users[name] || name,
      variant: name === current ? 'brand' : 'neutral'
    }));
  }

  get hasUsers() {
    return this.users.length > 1;
  }

  handleLanguage(event) {
    this.reloadWith('lang', event.target.dataset.lang);
  }

  handleUser(event) {
    this.reloadWith('as', event.target.dataset.user);
  }

  /** Labels, locale and the user are fixed when modules load, as on the platform: switching reloads. */
  reloadWith(name, value) {
    const params = new URLSearchParams(window.location.search);
    params.set(name, value);
    if (this.recordId) {
      params.set('recordId', this.recordId);
    }
    window.location.search = `?${params}`;
  }

  showToast(detail) {
    const variant = (detail && detail.variant) || 'info';
    this.toast = {
      title: detail && detail.title,
      message: detail && detail.message,
      className: `slds-notify slds-notify_toast slds-theme_${variant}`,
      iconName: `utility:${variant === 'error' ? 'error' : variant === 'warning' ? 'warning' : variant === 'success' ? 'success' : 'info'}`
    };
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => {
      this.toast = undefined;
    }, TOAST_MILLIS);
  }

  closeToast() {
    this.toast = undefined;
  }
}
