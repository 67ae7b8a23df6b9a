import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import { labels } from 'c/tandemLabels';

/**
 * One place where data errors become readable text: a headline plus each message the server
 * gave (field errors, page errors, GraphQL errors), never a blank card.
 */
export default class ErrorPanel extends LightningElement {
  /** Errors as LDS, the GraphQL wire adapter or a rejected write hand them over. */
  @api errors;
  /** Headline shown above the messages; defaults to a generic "could not load" text. */
  @api friendlyMessage;

  get headline() {
    return this.friendlyMessage || labels.errorGeneric;
  }

  get messages() {
    return reduceErrors(this.errors).map((text, index) => ({ key: `m${index}`, text }));
  }

  get hasMessages() {
    return this.messages.length > 0;
  }

  get iconAlternativeText() {
    return labels.errorIcon;
  }
}
