// The standard objects and fields Tandem touches (DESIGN.md: "Standard objects read"), stated
// explicitly: a reference to anything else that is not in force-app is a broken reference.

/** System fields every object has, custom ones included. */
export const SYSTEM_FIELDS = [
  'Id',
  'Name',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted',
  'OwnerId'
];

export const STANDARD_FIELDS: Record<string, string[]> = {
  Account: ['Industry', 'Type', 'AnnualRevenue', 'ParentId', 'Website'],
  Contact: [
    'FirstName',
    'LastName',
    'Title',
    'Department',
    'Email',
    'Phone',
    'AccountId',
    'ReportsToId',
    'PhotoUrl',
    'EmailBouncedDate'
  ],
  Opportunity: [
    'AccountId',
    'Amount',
    'CloseDate',
    'StageName',
    'Probability',
    'IsWon',
    'IsClosed',
    'CurrencyIsoCode',
    'ForecastCategory'
  ],
  // Whitespace: opportunity products and their families.
  OpportunityLineItem: ['OpportunityId', 'Product2Id', 'TotalPrice'],
  Product2: ['Family', 'IsActive'],
  User: ['FirstName', 'LastName', 'Title', 'Email', 'SmallPhotoUrl', 'FullPhotoUrl', 'IsActive'],
  // Engagements: the sponsor panel logs Events; the service reads Events and Tasks.
  Event: ['Subject', 'Type', 'ActivityDate', 'IsAllDayEvent', 'Description', 'WhoId', 'WhatId'],
  Task: ['Subject', 'Type', 'ActivityDate', 'Status', 'Description', 'WhoId', 'WhatId'],
  Organization: ['FiscalYearStartMonth', 'UsesStartDateAsFiscalYearName'],
  CurrencyType: ['IsoCode', 'ConversionRate', 'IsCorporate', 'IsActive'],
  DatedConversionRate: ['IsoCode', 'ConversionRate', 'StartDate', 'NextStartDate']
};

/** Standard relationship names (object → relationship → target object). */
export const STANDARD_RELATIONSHIPS: Record<string, Record<string, string>> = {
  Account: { Parent: 'Account' },
  Contact: { Account: 'Account', ReportsTo: 'Contact' },
  Opportunity: { Account: 'Account' }
};

/** Relationships every object has. */
export const SYSTEM_RELATIONSHIPS: Record<string, string> = {
  Owner: 'User',
  CreatedBy: 'User',
  LastModifiedBy: 'User'
};

export const isStandardObject = (name: string): boolean => name in STANDARD_FIELDS;
