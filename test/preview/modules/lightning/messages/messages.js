// Preview implementation of lightning-messages: the errors of the record-edit-form around it.
import { LightningElement } from 'lwc';
import { registerWithForm } from 'lightning/recordEditForm';

export default class Messages extends LightningElement {
  messages = [];

  connectedCallback() {
    this.unregister = registerWithForm(this, {
      setMessages: (messages) => {
        this.messages = messages.map((text, index) => ({ key: `${index}`, text }));
      }
    });
  }

  disconnectedCallback() {
    this.unregister();
  }

  get hasMessages() {
    return this.messages.length > 0;
  }
}
