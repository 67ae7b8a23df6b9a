// Toast event mock: a plain CustomEvent that tests can listen for.
export const ShowToastEventName = 'lightning__showtoast';
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(ShowToastEventName, { composed: true, cancelable: true, bubbles: true, detail: toast });
  }
}
