// Preview implementation of lightning-input-field: the base input that fits the field's UI API
// data type (text, textarea, number, currency, percent, date, checkbox, picklist with the user's
// values and labels, lookup as a record picker), labelled, required and read-only as the user's
// object info says. Bound by the lightning-record-edit-form around it.
import { LightningElement, registerDecorators } from 'lwc';
import { picklistValues } from 'lightning/uiObjectInfoApi';
import { registerWithForm } from 'lightning/recordEditForm';

const MASTER_RECORD_TYPE_ID = '012000000000000AAA';
const NUMERIC = new Set(['Double', 'Int', 'Currency', 'Percent']);

class InputField extends LightningElement {
  fieldName;
  disabled = false;
  readOnly = false;
  required = false;
  variant;

  info;
  isNew = true;
  options = [];
  errorText;
  current = null;
  given = false;

  get value() {
    return this.current;
  }

  set value(value) {
    // undefined: the stored value (or none, for a new record) stays.
    if (value !== undefined) {
      this.current = value;
      this.given = true;
    }
  }

  connectedCallback() {
    this.unregister = registerWithForm(this, {
      fieldName: this.fieldName,
      bind: (state) => this.bind(state),
      value: () => this.current,
      setErrors: (messages) => {
        this.errorText = messages.join(' ') || undefined;
      }
    });
  }

  disconnectedCallback() {
    this.unregister();
  }

  bind(state) {
    this.info = state.info.fields[this.fieldName];
    this.isNew = state.isNew;
    if (!this.given && state.record && state.record.fields[this.fieldName]) {
      this.current = state.record.fields[this.fieldName].value;
    }
    if (this.info && this.info.dataType === 'Picklist') {
      const recordTypeId = state.info.defaultRecordTypeId || MASTER_RECORD_TYPE_ID;
      picklistValues(state.objectApiName, this.fieldName, recordTypeId).then(
        (data) => {
          const none = this.isRequired ? [] : [{ label: '--None--', value: '' }];
          this.options = [...none, ...data.values.map(({ label, value }) => ({ label, value }))];
        },
        () => {
          this.options = [];
        }
      );
    }
  }

  get visible() {
    return Boolean(this.info);
  }

  get type() {
    return this.info ? this.info.dataType : null;
  }

  get isPicklist() {
    return this.type === 'Picklist';
  }

  get isTextarea() {
    return this.type === 'TextArea';
  }

  get isReference() {
    return this.type === 'Reference';
  }

  get isCheckbox() {
    return this.type === 'Boolean';
  }

  get referenceObject() {
    const targets = (this.info && this.info.referenceToInfos) || [];
    return targets[0] ? targets[0].apiName : undefined;
  }

  get inputType() {
    if (NUMERIC.has(this.type)) {
      return 'number';
    }
    return { Date: 'date', DateTime: 'datetime', Email: 'email', Phone: 'tel', Url: 'url' }[this.type] || 'text';
  }

  get formatter() {
    return { Currency: 'currency', Percent: 'percent-fixed' }[this.type];
  }

  get step() {
    if (this.type === 'Int') {
      return '1';
    }
    return this.info && this.info.scale > 0 ? String(10 ** -this.info.scale) : '1';
  }

  get isDisabled() {
    const writable = this.info && (this.isNew ? this.info.createable : this.info.updateable);
    return Boolean(this.disabled || this.readOnly || !writable || (this.info && this.info.calculated));
  }

  get isRequired() {
    return Boolean(this.required || (this.info && this.info.required && this.type !== 'Boolean'));
  }

  get label() {
    return this.info ? this.info.label : this.fieldName;
  }

  get maxLength() {
    return this.info && this.info.length ? this.info.length : undefined;
  }

  get inputValue() {
    return this.current === null || this.current === undefined ? '' : this.current;
  }

  get helpText() {
    return this.info ? this.info.inlineHelpText || undefined : undefined;
  }

  handleChange(event) {
    event.stopPropagation();
    let value;
    if (this.isCheckbox) {
      value = event.target.checked;
    } else if (this.isReference) {
      value = event.detail.recordId || null;
    } else {
      value = event.detail.value;
      if (value === '' || value === undefined) {
        value = null;
      } else if (NUMERIC.has(this.type)) {
        value = Number(value);
      }
    }
    this.current = value;
    this.given = true;
    this.errorText = undefined;
    this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }

  reportValidity() {
    const input = this.template.querySelector('[data-input]');
    return input && input.reportValidity ? input.reportValidity() !== false : true;
  }
}

registerDecorators(InputField, {
  publicProps: {
    fieldName: { config: 0 },
    disabled: { config: 0 },
    readOnly: { config: 0 },
    required: { config: 0 },
    variant: { config: 0 },
    value: { config: 3 }
  },
  publicMethods: ['reportValidity'],
  // This call replaces the compiler's (which lists the fields it observes): list them again.
  fields: ['info', 'isNew', 'options', 'errorText', 'current', 'given']
});

export default InputField;
