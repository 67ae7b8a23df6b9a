// Placeholder for lightning-messages: see ../recordEditForm/recordEditForm.js.
import { LightningElement } from 'lwc';

export default class Messages extends LightningElement {}
