// Source-format field XML for emulator tests that load a schema folder of their own.

export type FieldSpec =
  | { type: 'Text'; length?: number; required?: boolean; externalId?: boolean; unique?: boolean }
  | { type: 'LongTextArea' | 'TextArea' }
  | { type: 'Checkbox'; default?: boolean }
  | { type: 'Number' | 'Currency' | 'Percent'; precision: number; scale: number; default?: string }
  | { type: 'Date' | 'DateTime' }
  | { type: 'Picklist'; values: string[]; default?: string }
  | { type: 'Lookup'; to: string; relationshipName: string; required?: boolean }
  | { type: 'MasterDetail'; to: string; relationshipName: string }
  | { type: 'Formula'; returns: 'Number' | 'Text'; formula: string; precision?: number; scale?: number };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fieldXml(name: string, spec: FieldSpec, root = true): string {
  const parts = [`<fullName>${name}</fullName>`, `<label>${name.replace(/__c$/, '').replace(/_/g, ' ')}</label>`];
  switch (spec.type) {
    case 'Text':
      parts.push('<type>Text</type>', `<length>${spec.length ?? 255}</length>`, `<required>${spec.required ?? false}</required>`);
      if (spec.externalId) parts.push('<externalId>true</externalId>');
      if (spec.unique) parts.push('<unique>true</unique>', '<caseSensitive>false</caseSensitive>');
      break;
    case 'LongTextArea':
    case 'TextArea':
      parts.push(`<type>${spec.type}</type>`, spec.type === 'LongTextArea' ? '<length>32768</length><visibleLines>5</visibleLines>' : '');
      break;
    case 'Checkbox':
      parts.push('<type>Checkbox</type>', `<defaultValue>${spec.default ?? false}</defaultValue>`);
      break;
    case 'Number':
    case 'Currency':
    case 'Percent':
      parts.push(`<type>${spec.type}</type>`, `<precision>${spec.precision}</precision>`, `<scale>${spec.scale}</scale>`);
      if (spec.default) parts.push(`<defaultValue>${spec.default}</defaultValue>`);
      break;
    case 'Date':
    case 'DateTime':
      parts.push(`<type>${spec.type}</type>`);
      break;
    case 'Picklist':
      parts.push(
        '<type>Picklist</type>',
        `<valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>${spec.values
          .map((v) => `<value><fullName>${escape(v)}</fullName><default>${v === spec.default}</default><label>${escape(v)}</label></value>`)
          .join('')}</valueSetDefinition></valueSet>`
      );
      break;
    case 'Lookup':
      parts.push('<type>Lookup</type>', `<referenceTo>${spec.to}</referenceTo>`, `<relationshipName>${spec.relationshipName}</relationshipName>`, `<required>${spec.required ?? false}</required>`, `<deleteConstraint>${spec.required ? 'Restrict' : 'SetNull'}</deleteConstraint>`);
      break;
    case 'MasterDetail':
      parts.push('<type>MasterDetail</type>', `<referenceTo>${spec.to}</referenceTo>`, `<relationshipName>${spec.relationshipName}</relationshipName>`, '<relationshipOrder>0</relationshipOrder>', '<reparentableMasterDetail>false</reparentableMasterDetail>');
      break;
    case 'Formula':
      parts.push(`<type>${spec.returns}</type>`, `<formula>${escape(spec.formula)}</formula>`, '<formulaTreatBlanksAs>BlankAsBlank</formulaTreatBlanksAs>');
      if (spec.returns === 'Number') parts.push(`<precision>${spec.precision ?? 18}</precision>`, `<scale>${spec.scale ?? 0}</scale>`);
      else parts.push('<length>40</length>');
      break;
  }
  const body = parts.join('');
  return root ? `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>\n` : `<fields>${body}</fields>`;
}

/** Writes the stand-in metadata (source format) into `dir` and returns it. */
