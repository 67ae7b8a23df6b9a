/**
 * The user's access to objects, from the UI API, so each component shows only the actions the
 * user can perform. Pure.
 */

const NO_ACCESS = Object.freeze({
  createable: false,
  updateable: false,
  deletable: false,
  fields: {}
});

/**
 * What the user may do with each object, from getObjectInfos' `results` (UI API ObjectInfo):
 * { [apiName]: { createable, updateable, fields: { [field]: { createable, updateable } } } }.
 * An object whose info failed or has not arrived allows nothing, so no action shows too early.
 */
export function accessByObject(objectInfos, apiNames) {
  const access = {};
  apiNames.forEach((apiName) => {
    access[apiName] = NO_ACCESS;
  });
  const results = (objectInfos && objectInfos.results) || [];
  results.forEach(({ result, statusCode }) => {
    if (statusCode === 200 && result && access[result.apiName]) {
      access[result.apiName] = {
        createable: result.createable === true,
        updateable: result.updateable === true,
        deletable: result.deletable === true,
        fields: result.fields || {}
      };
    }
  });
  return access;
}
