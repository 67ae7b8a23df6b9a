// Placeholder for lightning-input-field: see ../recordEditForm/recordEditForm.js.
import { LightningElement, registerDecorators } from 'lwc';

class InputField extends LightningElement {
  fieldName;
  value;
}

registerDecorators(InputField, {
  publicProps: { fieldName: { config: 0 }, value: { config: 0 } }
});

export default InputField;
