// LightningModal mock in the style of lwc-recipes: `open` is a jest.fn tests resolve with what
// the modal would close with; `close` dispatches a `close` event with { result }, which a modal's
// own test listens for on the element.
import { LightningElement } from 'lwc';

export default class LightningModal extends LightningElement {
  static open = jest.fn();

  close(result) {
    this.dispatchEvent(new CustomEvent('close', { detail: { result } }));
  }
}
