/**
 * The map's writes of informal links (Stakeholder_Link__c) and of cleared change alerts, through
 * Lightning Data Service. Each resolves to { saved, errors }: the errors are shown in the panel,
 * never dropped.
 */
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { clearedAlertFields } from 'c/changeAlerts';
import { linkBetween } from './mapModel';

async function attempt(write) {
  try {
    await write();
    return { saved: true, errors: undefined };
  } catch (error) {
    return { saved: false, errors: error };
  }
}

/** Links one person to another; a person who is not mapped is refused before any call. */
export function addLink(model, fromContactId, { toContactId, type }, accountId) {
  const link = linkBetween(model, fromContactId, toContactId, type, accountId);
  if (link.problem) {
    return Promise.resolve({ saved: false, errors: [link.problem] });
  }
  return attempt(() => createRecord(link.record));
}

export function removeLink(linkId) {
  return attempt(() => deleteRecord(linkId));
}

/** Clears a stakeholder's change alert: its three fields blanked. */
export function clearAlert(stakeholderId) {
  return attempt(() => updateRecord({ fields: clearedAlertFields(stakeholderId) }));
}
