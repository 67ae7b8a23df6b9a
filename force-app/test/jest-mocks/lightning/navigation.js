// Navigation mock in the style of lwc-recipes: tests read what the component navigated to.
export const CurrentPageReference = jest.fn();
let lastPageReference;
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      lastPageReference = { pageReference, replace };
    }
    [GenerateUrl](pageReference) {
      lastPageReference = { pageReference };
      return Promise.resolve('https://example.invalid/generated');
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
export const getNavigateCalledWith = () => lastPageReference;
