// Placeholder for lightning-record-edit-form (a platform component, absent from
// lightning-base-components) so the preview bundle builds while the preview's working stand-in
// is on its way: test/preview/modules/lightning/recordEditForm, when present, wins over this one
// (modules/ resolves first) and this folder is then to be deleted. It shows the form's fields by
// name and never writes.
import { LightningElement, registerDecorators } from 'lwc';

class RecordEditForm extends LightningElement {
  objectApiName;
  recordId;

  submit() {
    this.dispatchEvent(
      new CustomEvent('error', { detail: { message: 'The preview cannot save this form yet.' } })
    );
  }
}

registerDecorators(RecordEditForm, {
  publicProps: { objectApiName: { config: 0 }, recordId: { config: 0 } },
  publicMethods: ['submit']
});

export default RecordEditForm;
