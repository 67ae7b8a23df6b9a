// Preview navigation: record pages of Accounts switch the preview's account; other page
// references are announced to the preview page as an event it can report.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlOf(pageReference) {
  const attributes = (pageReference && pageReference.attributes) || {};
  if (attributes.recordId) {
    return `?recordId=${encodeURIComponent(attributes.recordId)}`;
  }
  return '#';
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference) {
      window.dispatchEvent(new CustomEvent('preview:navigate', { detail: pageReference }));
    }

    [GenerateUrl](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {
    this.dataCallback({ type: 'standard__navItemPage', attributes: { apiName: 'Tandem_Preview' }, state: {} });
  }

  disconnect() {}

  update() {}
}
