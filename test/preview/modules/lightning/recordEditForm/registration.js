// How a lightning-input-field or lightning-messages finds the record-edit-form around it: it
// dispatches this bubbling event on connect with a controller the form binds.
export const REGISTER_EVENT = 'previewrecordformregister';

/** Registers a child of the form; returns the function that unregisters it. */
export function registerWithForm(element, controller) {
  element.dispatchEvent(new CustomEvent(REGISTER_EVENT, { bubbles: true, detail: controller }));
  return () => controller.unregister && controller.unregister();
}
