/**
 * Picklist values as the org defines them for the user (getPicklistValuesByRecordType): labels
 * in the user's language, and values an admin adds later shown with their label.
 */

/** The master record type: the values every record of an object without record types may hold. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/**
 * A function (fieldApiName, value) → the value's label; the stored value itself while the
 * labels are unknown (still loading, or the field not readable), null for no value.
 */
export function picklistLabeler(wireResult) {
  const fields = (wireResult && wireResult.data && wireResult.data.picklistFieldValues) || {};
  return (fieldApiName, value) => {
    if (value === null || value === undefined || value === '') {
      return null;
    }
    const values = (fields[fieldApiName] && fields[fieldApiName].values) || [];
    const entry = values.find((candidate) => candidate.value === value);
    return entry ? entry.label : value;
  };
}
