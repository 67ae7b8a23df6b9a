/**
 * Stakeholder change alerts as the map shows them (DESIGN.md "Stakeholder change alerts"): the
 * sync service sets Change_Alert__c, Change_Detected__c and Previous_Title__c; a person who may
 * edit the stakeholder clears them. Pure: GraphQL nodes in, words out. Labels in English, with an
 * Italian translation in translations/it.translation-meta.xml.
 */
import alertDetected from '@salesforce/label/c.Tandem_Alert_Detected';
import alertPreviousTitle from '@salesforce/label/c.Tandem_Alert_Previous_Title';
import alertBadge from '@salesforce/label/c.Tandem_Alert_Badge';
import alertClear from '@salesforce/label/c.Tandem_Alert_Clear';
import alertClearTitle from '@salesforce/label/c.Tandem_Alert_Clear_Title';
import alertCleared from '@salesforce/label/c.Tandem_Alert_Cleared';
import mapLegendAlert from '@salesforce/label/c.Tandem_Map_Legend_Alert';
import mapColAlert from '@salesforce/label/c.Tandem_Map_Col_Alert';
import mapGapLeftAccount from '@salesforce/label/c.Tandem_Map_Gap_Left_Account';
import mapGapTitleChanged from '@salesforce/label/c.Tandem_Map_Gap_Title_Changed';
import mapGapEmailBounced from '@salesforce/label/c.Tandem_Map_Gap_Email_Bounced';
import { displayOf, valueOf } from 'c/graphqlRecords';
import { formatDate, formatLabel, NO_VALUE } from 'c/tandemFormat';

export const alertLabels = {
  alertDetected,
  alertPreviousTitle,
  alertBadge,
  alertClear,
  alertClearTitle,
  alertCleared,
  mapLegendAlert,
  mapColAlert
};

/** The Change_Alert__c values (the coverage gap codes follow them). */
export const CHANGE_ALERT = Object.freeze({
  LEFT_ACCOUNT: 'Left account',
  TITLE_CHANGED: 'Title changed',
  EMAIL_BOUNCED: 'Email bounced'
});

const GAP_TEMPLATE = {
  [CHANGE_ALERT.LEFT_ACCOUNT]: mapGapLeftAccount,
  [CHANGE_ALERT.TITLE_CHANGED]: mapGapTitleChanged,
  [CHANGE_ALERT.EMAIL_BOUNCED]: mapGapEmailBounced
};

/** What clearing an alert writes: the three fields blanked. */
export function clearedAlertFields(stakeholderId) {
  return {
    Id: stakeholderId,
    Change_Alert__c: null,
    Change_Detected__c: null,
    Previous_Title__c: null
  };
}

/**
 * A stakeholder node's open alert: { value, text (the platform's translated picklist label),
 * detected, previousTitle }, or null when there is none or the user may not read the field.
 */
export function readAlert(node) {
  const value = valueOf(node, 'Change_Alert__c');
  if (!value) {
    return null;
  }
  return {
    value,
    text: displayOf(node, 'Change_Alert__c') || value,
    detected: valueOf(node, 'Change_Detected__c') || null,
    previousTitle: valueOf(node, 'Previous_Title__c') || null
  };
}

/** The alert in words for the panel, the node badge and the screen reader. */
export function alertView(alert) {
  if (!alert) {
    return null;
  }
  const lines = [
    alert.previousTitle && formatLabel(alertPreviousTitle, alert.previousTitle),
    alert.detected && formatLabel(alertDetected, formatDate(alert.detected))
  ].filter(Boolean);
  return {
    value: alert.value,
    text: alert.text,
    lines,
    badgeTitle: formatLabel(alertBadge, alert.text),
    summary: [alert.text, ...lines].join('. ')
  };
}

/**
 * The coverage gap of one alerted person, as the text before and after his name (the name is a
 * button): "Champion Ava Johnson left the account". A person without a role reads "Ava Johnson …".
 */
export function alertGapText(alertValue, roleText, previousTitle) {
  const template = GAP_TEMPLATE[alertValue];
  if (!template) {
    return null;
  }
  const [before, after = ''] = String(template).split('{0}');
  const fill = (text) => formatLabel(text, '', roleText || '', previousTitle || NO_VALUE);
  return { before: fill(before).replace(/ {2,}/g, ' ').trimStart(), after: fill(after) };
}
