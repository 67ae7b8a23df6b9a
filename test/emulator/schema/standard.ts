// The standard objects Tandem touches, with the fields and behaviours the product relies on.
// Only what an org would show in describe for these objects that matters to the product; other
// standard fields are left out (querying one answers INVALID_FIELD, as for a field the org lacks).
import { fieldDefaults, indexObject, type FieldDef, type FieldType, type ObjectDef } from './types';

type FieldOptions = Partial<FieldDef>;

function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const base = fieldDefaults(name, type);
  const defaults: FieldOptions = {};
  if (type === 'boolean') Object.assign(defaults, { nillable: false, defaultValue: 'false' });
  return { ...base, ...defaults, ...options };
}

function text(name: string, length: number, options: FieldOptions = {}): FieldDef {
  return field(name, 'string', { length, ...options });
}

function picklist(name: string, values: string[], options: FieldOptions = {}): FieldDef {
  return field(name, 'picklist', {
    length: 255,
    picklistValues: values.map((value) => ({ value, label: value, isDefault: false })),
    ...options
  });
}

function reference(name: string, target: string, relationshipName: string, options: FieldOptions = {}): FieldDef {
  return field(name, 'reference', {
    length: 18,
    referenceTo: [target],
    relationshipName,
    relationship: 'lookup',
    deleteConstraint: 'SetNull',
    ...options
  });
}

/** A picklist whose default value is marked as Salesforce marks it (isDefault on the value). */
function withDefault(def: FieldDef, value: string): FieldDef {
  return { ...def, picklistValues: def.picklistValues.map((p) => ({ ...p, isDefault: p.value === value })) };
}

const readOnly: FieldOptions = { createable: false, updateable: false };
const system: FieldOptions = { ...readOnly, system: true };

function auditFields(options: { owner: boolean; deletable: boolean }): FieldDef[] {
  const fields = [
    field('Id', 'id', { ...system, nillable: false, idLookup: true, length: 18, label: 'Record ID' }),
    ...(options.deletable ? [field('IsDeleted', 'boolean', { ...system, label: 'Deleted' })] : []),
    field('CreatedDate', 'datetime', { ...system, nillable: false }),
    reference('CreatedById', 'User', 'CreatedBy', { ...system, nillable: false, deleteConstraint: null }),
    field('LastModifiedDate', 'datetime', { ...system, nillable: false }),
    reference('LastModifiedById', 'User', 'LastModifiedBy', { ...system, nillable: false, deleteConstraint: null }),
    field('SystemModstamp', 'datetime', { ...system, nillable: false })
  ];
  if (options.owner) {
    fields.push(reference('OwnerId', 'User', 'Owner', { nillable: false, deleteConstraint: null }));
  }
  return fields;
}

/** `CurrencyIsoCode` on every record of a multi-currency org; valid values come from CurrencyType. */
export function currencyIsoCodeField(): FieldDef {
  return picklist('CurrencyIsoCode', [], { label: 'Currency ISO Code', nillable: false, length: 3 });
}

/** Salesforce's default opportunity stages: probability, forecast category, closed/won. */
export const OPPORTUNITY_STAGES: ReadonlyArray<{
  name: string;
  probability: number;
  forecastCategory: string;
  closed: boolean;
  won: boolean;
}> = [
  { name: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Negotiation/Review', probability: 90, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecastCategory: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', closed: true, won: false }
];

/** The Family picklist of Product2 (an org configures its own; these are the emulated org's). */
export const PRODUCT_FAMILIES = [
  'Fleet Telematics', 'Route Planning', 'Warehouse Automation', 'Analytics', 'Sustainability Reporting',
  'Managed Services', 'Training', 'Predictive Maintenance'
];

const INDUSTRIES = [
  'Agriculture', 'Banking', 'Chemicals', 'Communications', 'Construction', 'Consulting', 'Education',
  'Electronics', 'Energy', 'Engineering', 'Finance', 'Healthcare', 'Hospitality', 'Insurance',
  'Manufacturing', 'Media', 'Retail', 'Technology', 'Telecommunications', 'Transportation', 'Utilities', 'Other'
];

export function standardObjects(): ObjectDef[] {
  const organization = indexObject({
    name: 'Organization',
    label: 'Organization',
    labelPlural: 'Organizations',
    keyPrefix: '00D',
    kind: 'standard',
    createable: false,
    updateable: false,
    deletable: false,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: false }),
      text('Name', 80, { ...readOnly, nameField: true, nillable: false }),
      field('FiscalYearStartMonth', 'int', { ...readOnly, precision: 2 }),
      field('UsesStartDateAsFiscalYearName', 'boolean', readOnly),
      text('DefaultCurrencyIsoCode', 3, { ...readOnly, label: 'Default Currency ISO Code' }),
      text('OrganizationType', 40, readOnly),
      text('InstanceName', 5, readOnly),
      field('IsSandbox', 'boolean', readOnly),
      text('TimeZoneSidKey', 40, readOnly),
      text('LanguageLocaleKey', 40, readOnly),
      text('DefaultLocaleSidKey', 40, readOnly),
      text('Country', 80, readOnly)
    ]
  });

  const user = indexObject({
    name: 'User',
    label: 'User',
    labelPlural: 'Users',
    keyPrefix: '005',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: false,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: false }),
      text('Username', 80, { required: true, nillable: false, unique: true, idLookup: true }),
      text('FirstName', 40),
      text('LastName', 80, { required: true, nillable: false }),
      text('Name', 121, { ...system, nameField: true, label: 'Full Name' }),
      text('Alias', 8, { required: true, nillable: false }),
      field('Email', 'email', { length: 128, required: true, nillable: false }),
      text('Title', 80),
      text('Department', 80),
      text('CompanyName', 80),
      field('IsActive', 'boolean', { defaultValue: 'true', label: 'Active' }),
      reference('ManagerId', 'User', 'Manager', { childRelationshipName: 'ManagedUsers' }),
      field('SmallPhotoUrl', 'url', { ...readOnly, length: 1024, label: 'Photo' }),
      field('FullPhotoUrl', 'url', { ...readOnly, length: 1024, label: 'Url for full-sized Photo' }),
      text('TimeZoneSidKey', 40, { defaultValue: '"GMT"' }),
      text('LanguageLocaleKey', 40, { defaultValue: '"en_US"', label: 'Language' }),
      text('LocaleSidKey', 40, { defaultValue: '"en_US"', label: 'Locale' }),
      text('DefaultCurrencyIsoCode', 3, { label: 'User Currency' }),
      picklist('UserType', ['Standard'], { ...readOnly, defaultValue: '"Standard"' })
    ]
  });

  const account = indexObject({
    name: 'Account',
    label: 'Account',
    labelPlural: 'Accounts',
    keyPrefix: '001',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: true, deletable: true }),
      text('Name', 255, { required: true, nillable: false, nameField: true, label: 'Account Name' }),
      picklist('Type', ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Channel Partner / Reseller', 'Installation Partner', 'Technology Partner', 'Other']),
      picklist('Industry', INDUSTRIES),
      field('AnnualRevenue', 'currency', { precision: 18, scale: 0 }),
      field('NumberOfEmployees', 'int', { precision: 8, label: 'Employees' }),
      reference('ParentId', 'Account', 'Parent', { childRelationshipName: 'ChildAccounts' }),
      text('AccountNumber', 40),
      field('Website', 'url', { length: 255 }),
      field('Phone', 'phone', { length: 40 }),
      field('BillingStreet', 'textarea', { length: 255 }),
      text('BillingCity', 40),
      text('BillingState', 80),
      text('BillingPostalCode', 20, { label: 'Billing Zip/Postal Code' }),
      text('BillingCountry', 80),
      field('ShippingStreet', 'textarea', { length: 255 }),
      text('ShippingCity', 40),
      text('ShippingState', 80),
      text('ShippingPostalCode', 20, { label: 'Shipping Zip/Postal Code' }),
      text('ShippingCountry', 80),
      field('Fax', 'phone', { length: 40, label: 'Account Fax' }),
      text('Site', 80, { label: 'Account Site' }),
      text('Sic', 20, { label: 'SIC Code' }),
      text('SicDesc', 80, { label: 'SIC Description' }),
      text('TickerSymbol', 20),
      picklist('Ownership', ['Public', 'Private', 'Subsidiary', 'Other']),
      picklist('Rating', ['Hot', 'Warm', 'Cold'], { label: 'Account Rating' }),
      picklist('AccountSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      text('Jigsaw', 20, { label: 'Data.com Key' }),
      text('JigsawCompanyId', 20, { ...readOnly, label: 'Jigsaw Company ID' }),
      field('Description', 'textarea', { length: 32000 }),
      field('LastActivityDate', 'date', readOnly)
    ]
  });

  const contact = indexObject({
    name: 'Contact',
    label: 'Contact',
    labelPlural: 'Contacts',
    keyPrefix: '003',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: true, deletable: true }),
      reference('AccountId', 'Account', 'Account', { childRelationshipName: 'Contacts', deleteConstraint: 'Cascade' }),
      picklist('Salutation', ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
      text('FirstName', 40),
      text('LastName', 80, { required: true, nillable: false }),
      text('Name', 121, { ...system, nameField: true, label: 'Full Name' }),
      text('Title', 128),
      text('Department', 80),
      field('Email', 'email', { length: 80 }),
      // Set when mail to the address bounces (Salesforce clears both when the address changes).
      field('EmailBouncedDate', 'datetime', { label: 'Email Bounced Date' }),
      text('EmailBouncedReason', 255, { label: 'Email Bounced Reason' }),
      field('Phone', 'phone', { length: 40, label: 'Business Phone' }),
      field('MobilePhone', 'phone', { length: 40 }),
      reference('ReportsToId', 'Contact', 'ReportsTo', { childRelationshipName: 'DirectReports' }),
      picklist('LeadSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      text('MailingCity', 40),
      text('MailingCountry', 80),
      field('Description', 'textarea', { length: 32000 })
    ]
  });

  const opportunity = indexObject({
    name: 'Opportunity',
    label: 'Opportunity',
    labelPlural: 'Opportunities',
    keyPrefix: '006',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: true, deletable: true }),
      reference('AccountId', 'Account', 'Account', { childRelationshipName: 'Opportunities', deleteConstraint: 'Cascade' }),
      text('Name', 120, { required: true, nillable: false, nameField: true }),
      field('Description', 'textarea', { length: 32000 }),
      picklist(
        'StageName',
        OPPORTUNITY_STAGES.map((s) => s.name),
        { required: true, nillable: false, restrictedPicklist: true, label: 'Stage' }
      ),
      field('Amount', 'currency', { precision: 18, scale: 2 }),
      field('Probability', 'percent', { precision: 3, scale: 0, label: 'Probability (%)' }),
      field('ExpectedRevenue', 'currency', { ...readOnly, precision: 18, scale: 2, formula: 'Amount * Probability / 100' }),
      field('CloseDate', 'date', { required: true, nillable: false }),
      picklist('Type', ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer']),
      text('NextStep', 255),
      picklist('LeadSource', ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      field('IsClosed', 'boolean', { ...system, label: 'Closed' }),
      field('IsWon', 'boolean', { ...system, label: 'Won' }),
      picklist('ForecastCategory', ['Omitted', 'Pipeline', 'BestCase', 'Forecast', 'Closed'], system),
      picklist('ForecastCategoryName', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed'], { label: 'Forecast Category' }),
      // Set by the first line item when blank; the entries of its line items must come from it.
      reference('Pricebook2Id', 'Pricebook2', 'Pricebook2', { childRelationshipName: 'Opportunities', label: 'Price Book ID' }),
      field('HasOpportunityLineItem', 'boolean', { ...system, label: 'Has Line Item' })
    ]
  });

  const product = indexObject({
    name: 'Product2',
    label: 'Product',
    labelPlural: 'Products',
    keyPrefix: '01t',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: true }),
      text('Name', 255, { required: true, nillable: false, nameField: true, label: 'Product Name' }),
      text('ProductCode', 255),
      field('Description', 'textarea', { length: 4000, label: 'Product Description' }),
      picklist('Family', PRODUCT_FAMILIES, { label: 'Product Family' }),
      field('IsActive', 'boolean', { label: 'Active' })
    ]
  });

  const pricebook = indexObject({
    name: 'Pricebook2',
    label: 'Price Book',
    labelPlural: 'Price Books',
    keyPrefix: '01s',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: true }),
      text('Name', 255, { required: true, nillable: false, nameField: true, label: 'Price Book Name' }),
      text('Description', 255),
      field('IsActive', 'boolean', { label: 'Active' }),
      // Every org has exactly one standard price book; the API cannot create another.
      field('IsStandard', 'boolean', { ...readOnly, label: 'Is Standard Price Book' })
    ]
  });

  const pricebookEntry = indexObject({
    name: 'PricebookEntry',
    label: 'Price Book Entry',
    labelPlural: 'Price Book Entries',
    keyPrefix: '01u',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: true }),
      text('Name', 255, { ...readOnly, nameField: true, label: 'Product Name' }),
      reference('Pricebook2Id', 'Pricebook2', 'Pricebook2', { required: true, nillable: false, updateable: false, childRelationshipName: 'PricebookEntries', deleteConstraint: 'Cascade', label: 'Price Book ID' }),
      reference('Product2Id', 'Product2', 'Product2', { required: true, nillable: false, updateable: false, childRelationshipName: 'PricebookEntries', deleteConstraint: 'Cascade', label: 'Product ID' }),
      field('UnitPrice', 'currency', { required: true, nillable: false, precision: 18, scale: 2, label: 'List Price' }),
      field('IsActive', 'boolean', { label: 'Active' }),
      field('UseStandardPrice', 'boolean', { label: 'Use Standard Price' }),
      text('ProductCode', 255, readOnly)
    ]
  });

  const lineItem = indexObject({
    name: 'OpportunityLineItem',
    label: 'Opportunity Product',
    labelPlural: 'Opportunity Product',
    keyPrefix: '00k',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: true }),
      reference('OpportunityId', 'Opportunity', 'Opportunity', { required: true, nillable: false, updateable: false, childRelationshipName: 'OpportunityLineItems', deleteConstraint: 'Cascade', label: 'Opportunity ID' }),
      reference('PricebookEntryId', 'PricebookEntry', 'PricebookEntry', { updateable: false, childRelationshipName: 'OpportunityLineItems', deleteConstraint: 'Restrict', label: 'Price Book Entry ID' }),
      reference('Product2Id', 'Product2', 'Product2', { updateable: false, childRelationshipName: 'OpportunityLineItems', deleteConstraint: 'Restrict', label: 'Product ID' }),
      text('Name', 376, { ...readOnly, nameField: true, label: 'Opportunity Product Name' }),
      text('ProductCode', 255, readOnly),
      text('Description', 255, { label: 'Line Description' }),
      field('Quantity', 'double', { required: true, nillable: false, precision: 12, scale: 2 }),
      field('UnitPrice', 'currency', { precision: 18, scale: 2, label: 'Sales Price' }),
      field('TotalPrice', 'currency', { precision: 18, scale: 2, label: 'Total Price' }),
      field('ListPrice', 'currency', { ...readOnly, precision: 18, scale: 2, label: 'List Price' }),
      field('Subtotal', 'currency', { ...readOnly, precision: 18, scale: 2 }),
      field('Discount', 'percent', { precision: 5, scale: 2 }),
      field('ServiceDate', 'date', { label: 'Date' })
    ]
  });

  const currencyType = indexObject({
    name: 'CurrencyType',
    label: 'Currency Type',
    labelPlural: 'Currency Types',
    keyPrefix: '02y',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: false,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: false }),
      text('IsoCode', 3, { required: true, nillable: false, updateable: false, unique: true, nameField: true, label: 'Currency ISO Code' }),
      field('ConversionRate', 'double', { required: true, nillable: false, precision: 18, scale: 6 }),
      field('DecimalPlaces', 'int', { precision: 2, defaultValue: '2' }),
      field('IsActive', 'boolean', { defaultValue: 'true' }),
      field('IsCorporate', 'boolean', readOnly)
    ]
  });

  const datedConversionRate = indexObject({
    name: 'DatedConversionRate',
    label: 'Dated Conversion Rate',
    labelPlural: 'Dated Conversion Rates',
    keyPrefix: '04w',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...auditFields({ owner: false, deletable: false }),
      text('IsoCode', 3, { required: true, nillable: false, updateable: false, label: 'Currency ISO Code' }),
      field('ConversionRate', 'double', { required: true, nillable: false, precision: 18, scale: 6 }),
      field('StartDate', 'date', { required: true, nillable: false }),
      field('NextStartDate', 'date', readOnly)
    ]
  });

  // Activities: WhatId is polymorphic (an Account or an Opportunity here), so SOQL cannot traverse
  // it; WhoId names a Contact only, since the emulated org has no Leads.
  const activityFields = (): FieldDef[] => [
    ...auditFields({ owner: true, deletable: true }),
    reference('WhoId', 'Contact', 'Who', { label: 'Name ID' }),
    reference('WhatId', 'Account', 'What', { referenceTo: ['Account', 'Opportunity'], label: 'Related To ID' }),
    text('Subject', 255),
    field('ActivityDate', 'date', { label: 'Due Date Only' }),
    field('Description', 'textarea', { length: 32000, label: 'Description' })
  ];

  const event = indexObject({
    name: 'Event',
    label: 'Event',
    labelPlural: 'Events',
    keyPrefix: '00U',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...activityFields(),
      picklist('Type', ['Call', 'Email', 'Meeting', 'Other']),
      field('IsAllDayEvent', 'boolean', { label: 'All-Day Event' }),
      field('ActivityDateTime', 'datetime', { label: 'Due Date Time' }),
      field('StartDateTime', 'datetime', { label: 'Start Date Time' }),
      field('EndDateTime', 'datetime', { label: 'End Date Time' }),
      field('DurationInMinutes', 'int', { precision: 8, label: 'Duration' }),
      text('Location', 255)
    ]
  });

  const task = indexObject({
    name: 'Task',
    label: 'Task',
    labelPlural: 'Tasks',
    keyPrefix: '00T',
    kind: 'standard',
    createable: true,
    updateable: true,
    deletable: true,
    validationRules: [],
    fields: [
      ...activityFields(),
      picklist('Type', ['Call', 'Email', 'Meeting', 'Other']),
      withDefault(picklist('Status', ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], { required: true, nillable: false }), 'Not Started'),
      withDefault(picklist('Priority', ['High', 'Normal', 'Low'], { required: true, nillable: false }), 'Normal'),
      field('IsClosed', 'boolean', { ...system, label: 'Closed' })
    ]
  });

  return [organization, user, account, contact, opportunity, product, pricebook, pricebookEntry, lineItem, event, task, currencyType, datedConversionRate];
}

/** The audit fields a custom object gets; owner-less when it is the detail of a master-detail. */
export function customObjectSystemFields(options: { owner: boolean }): FieldDef[] {
  return auditFields({ owner: options.owner, deletable: true });
}

/** What every custom metadata type carries besides its own fields. */
export function customMetadataSystemFields(): FieldDef[] {
  return [
    field('Id', 'id', { ...system, nillable: false, idLookup: true, length: 18, label: 'Custom Metadata Record ID' }),
    text('DeveloperName', 40, { ...readOnly, nillable: false, label: 'Custom Metadata Record Name' }),
    text('MasterLabel', 40, { ...readOnly, nillable: false, nameField: true, label: 'Label' }),
    text('Label', 40, { ...readOnly, nillable: false }),
    text('Language', 40, readOnly),
    text('NamespacePrefix', 15, readOnly),
    text('QualifiedApiName', 70, { ...readOnly, nillable: false })
  ];
}

/**
 * The field history object Salesforce keeps for a custom object with `enableHistory`
 * (`Stakeholder__c` → `Stakeholder__History`): read-only rows of ParentId, Field (the tracked
 * field's API name, or `created`), OldValue and NewValue (anyType, as text here), and who and
 * when. The store writes them (store.ts `recordHistory`); nobody inserts or edits them.
 */
export function historyObject(parent: ObjectDef, keyPrefix: string): ObjectDef {
  const tracked = parent.fields.filter((f) => f.trackHistory);
  const fieldNames = [{ value: 'created', label: 'Created.', isDefault: false }, ...tracked.map((f) => ({ value: f.name, label: f.label, isDefault: false }))];
  const historyField: FieldOptions = { createable: false, updateable: false };
  return indexObject({
    name: parent.historyObject!,
    label: `${parent.label} History`,
    labelPlural: `${parent.label} History`,
    keyPrefix,
    kind: 'history',
    historyOf: parent.name,
    createable: false,
    updateable: false,
    deletable: false,
    validationRules: [],
    fields: [
      field('Id', 'id', { ...system, nillable: false, idLookup: true, length: 18, label: `${parent.label} History ID` }),
      field('IsDeleted', 'boolean', { ...system, label: 'Deleted' }),
      // Master-detail in effect: the rows go with their record; Salesforce grants the field with the object.
      reference('ParentId', parent.name, 'Parent', {
        ...historyField,
        nillable: false,
        relationship: 'masterDetail',
        deleteConstraint: 'Cascade',
        childRelationshipName: 'Histories',
        label: 'Parent ID'
      }),
      field('Field', 'picklist', { ...historyField, length: 255, nillable: false, restrictedPicklist: true, picklistValues: fieldNames, label: 'Changed Field' }),
      text('OldValue', 255, { ...historyField, label: 'Old Value' }),
      text('NewValue', 255, { ...historyField, label: 'New Value' }),
      field('CreatedDate', 'datetime', { ...system, nillable: false, label: 'Created Date' }),
      reference('CreatedById', 'User', 'CreatedBy', { ...system, nillable: false, deleteConstraint: null, label: 'Created By ID' })
    ]
  });
}

export function customField(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  return field(name, type, options);
}
