// Preview stand-in for lightning-record-picker (absent from lightning-base-components): a select
// of the object's records by Name, read through the same UI API GraphQL endpoint.
// Public properties are declared with registerDecorators (what `@api` compiles to) because the
// repository's lint parses test/**/*.js without decorator syntax.
import { LightningElement, registerDecorators } from 'lwc';
import { postGraphQL } from 'preview/api';

const MAX_RECORDS = 200;
let nextId = 0;

/** The picker's `filter` ({ criteria: [{ fieldPath, operator: 'eq', value }] }) as a GraphQL where. */
function whereOf(filter) {
  const criteria = ((filter && filter.criteria) || []).filter(
    (c) => c.operator === 'eq' && c.value
  );
  if (criteria.length === 0) {
    return '';
  }
  const clauses = criteria.map((c) => `{ ${c.fieldPath}: { eq: ${JSON.stringify(c.value)} } }`);
  return `where: { and: [${clauses.join(', ')}] }, `;
}

class RecordPicker extends LightningElement {
  label;
  objectApiName;
  required = false;
  placeholder;
  value;
  filter;

  options = [];
  selectId = `record-picker-${nextId++}`;

  connectedCallback() {
    this.loadOptions();
  }

  async loadOptions() {
    const where = whereOf(this.filter);
    const query = `query recordPicker { uiapi { query { ${this.objectApiName}(${where}first: ${MAX_RECORDS}, orderBy: { Name: { order: ASC } }) { edges { node { Id Name { value } } } } } } }`;
    const body = await postGraphQL(query, {}, 'recordPicker');
    const connection = body.data ? body.data.uiapi.query[this.objectApiName] : undefined;
    this.options = (connection ? connection.edges : []).map(({ node }) => ({
      id: node.Id,
      name: node.Name.value,
      selected: node.Id === this.value
    }));
  }

  get noneSelected() {
    return !this.value;
  }

  handleChange(event) {
    const recordId = event.target.value || null;
    this.value = recordId;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
  }
}

registerDecorators(RecordPicker, {
  publicProps: {
    label: { config: 0 },
    objectApiName: { config: 0 },
    required: { config: 0 },
    placeholder: { config: 0 },
    value: { config: 0 },
    filter: { config: 0 }
  },
  // This call replaces the compiler's (which lists the fields it observes): list them again.
  fields: ['options', 'selectId']
});

export default RecordPicker;
