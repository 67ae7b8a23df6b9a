// The platform shows toasts from this event; the preview page listens for it on the document.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
  }
}
