import { LightningElement, api } from 'lwc';

// SLDS badge themes: each pairs its background with a text colour that meets WCAG AA.
const TONE_CLASS = {
  success: 'slds-badge slds-theme_success',
  warning: 'slds-badge slds-theme_warning',
  error: 'slds-badge slds-theme_error',
  inverse: 'slds-badge slds-badge_inverse',
  neutral: 'slds-badge'
};

/** A status as a coloured badge: the one badge every Tandem component uses. */
export default class StatusBadge extends LightningElement {
  /** The text shown (already translated). */
  @api label;
  /** success | warning | error | inverse | neutral */
  @api tone = 'neutral';

  get badgeClass() {
    return TONE_CLASS[this.tone] || TONE_CLASS.neutral;
  }
}
