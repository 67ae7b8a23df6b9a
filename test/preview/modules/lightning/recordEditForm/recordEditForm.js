// Preview implementation of lightning-record-edit-form (absent from lightning-base-components):
// reads the user's object info and the record through the org's UI API, hands each slotted
// lightning-input-field its field info and value, and on submit writes through the preview's
// lightning/uiRecordApi, so the org (the emulator) answers access, required fields and
// validation rules. Like the platform it sends, for an existing record, only the fields that
// changed and that the user may update; errors go to lightning-messages and to the fields named.
// Public properties via registerDecorators: the repository's lint parses test/**/*.js without decorators.
import { LightningElement, registerDecorators } from 'lwc';
import { objectInfo } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { apiUrl } from 'preview/api';
import { REGISTER_EVENT } from './registration';

export { registerWithForm } from './registration';

const nameOf = (object) => (typeof object === 'string' ? object : object && object.objectApiName);
const blank = (value) => value === null || value === undefined || value === '';
const same = (a, b) => (blank(a) && blank(b)) || a === b;

async function readRecord(recordId) {
  const response = await fetch(apiUrl(`/ui-api/records/${encodeURIComponent(recordId)}`));
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw { status: response.status, body: Array.isArray(body) ? body[0] : body };
  }
  return body;
}

/** The UI API error body as the record-edit-form's `error` event and messages show it. */
function errorsOf(error) {
  const body = (error && error.body) || {};
  const output = body.output || { errors: [], fieldErrors: {} };
  return {
    message: body.message || (error && error.message) || 'Error',
    formErrors: (output.errors || []).map((entry) => entry.message),
    fieldErrors: Object.fromEntries(
      Object.entries(output.fieldErrors || {}).map(([field, entries]) => [
        field,
        entries.map((entry) => entry.message)
      ])
    ),
    output
  };
}

class RecordEditForm extends LightningElement {
  objectApiName;
  recordId;
  recordTypeId;
  density;
  formClass;

  controllers = new Set();
  state;

  connectedCallback() {
    this.addEventListener(REGISTER_EVENT, (event) => {
      event.stopPropagation();
      this.register(event.detail);
    });
    this.load();
  }

  async load() {
    const apiName = nameOf(this.objectApiName);
    try {
      const [info, record] = await Promise.all([
        objectInfo(apiName),
        this.recordId ? readRecord(this.recordId) : Promise.resolve(null)
      ]);
      this.state = { objectApiName: apiName, info, record, isNew: !this.recordId };
      this.controllers.forEach((controller) => this.bind(controller));
      this.dispatchEvent(new CustomEvent('load', { detail: { objectInfos: { [apiName]: info } } }));
    } catch (error) {
      this.show(errorsOf(error));
    }
  }

  register(controller) {
    this.controllers.add(controller);
    controller.unregister = () => this.controllers.delete(controller);
    if (this.state) {
      this.bind(controller);
    }
  }

  /** Fields take their info and value; lightning-messages needs neither. */
  bind(controller) {
    if (controller.bind) {
      controller.bind(this.state);
    }
  }

  fieldControllers() {
    return [...this.controllers].filter((controller) => controller.fieldName);
  }

  /** What the form would send: the fields' current values. */
  currentValues() {
    return Object.fromEntries(
      this.fieldControllers().map((controller) => [controller.fieldName, controller.value()])
    );
  }

  /** The fields a write carries: writable ones; of an existing record only those that changed. */
  payload(values) {
    const { info, record } = this.state;
    const fields = {};
    Object.entries(values).forEach(([name, value]) => {
      const field = info.fields[name];
      if (!field) {
        return;
      }
      if (record) {
        const stored = record.fields[name] ? record.fields[name].value : null;
        if (field.updateable && !same(stored, value)) {
          fields[name] = blank(value) ? null : value;
        }
      } else if (field.createable && !blank(value)) {
        fields[name] = value;
      }
    });
    return fields;
  }

  show({ message, formErrors, fieldErrors }) {
    const shown = new Set(this.fieldControllers().map((controller) => controller.fieldName));
    const unplaced = Object.entries(fieldErrors || {})
      .filter(([field]) => !shown.has(field))
      .flatMap(([, messages]) => messages);
    const messages = message ? [message, ...(formErrors || []), ...unplaced] : [];
    this.controllers.forEach((controller) => {
      if (controller.fieldName) {
        controller.setErrors((fieldErrors || {})[controller.fieldName] || []);
      } else if (controller.setMessages) {
        controller.setMessages(messages);
      }
    });
  }

  async submit(fields) {
    if (!this.state) {
      return;
    }
    const values = this.payload(fields || this.currentValues());
    this.show({ message: null });
    try {
      let result;
      if (this.state.isNew) {
        result = await createRecord({ apiName: this.state.objectApiName, fields: values });
      } else if (Object.keys(values).length > 0) {
        result = await updateRecord({ fields: { Id: this.recordId, ...values } });
      } else {
        result = this.state.record;
      }
      this.dispatchEvent(new CustomEvent('success', { detail: result }));
    } catch (error) {
      const errors = errorsOf(error);
      this.show(errors);
      this.dispatchEvent(
        new CustomEvent('error', {
          detail: { message: errors.message, detail: errors.formErrors.join(' '), output: errors.output }
        })
      );
    }
  }
}

registerDecorators(RecordEditForm, {
  publicProps: {
    objectApiName: { config: 0 },
    recordId: { config: 0 },
    recordTypeId: { config: 0 },
    density: { config: 0 },
    formClass: { config: 0 }
  },
  publicMethods: ['submit'],
  // This call replaces the compiler's (which lists the fields it observes): list them again.
  fields: ['controllers', 'state']
});

export default RecordEditForm;
