import { gql } from 'lightning/graphql';

// The map's reads. Every field a permission set may hide is @optional: the map shows what the
// user may read instead of failing as a whole. Picklists come with their displayValue (the
// platform's translated label, including values an admin adds later).

/**
 * The account's contacts (an org chart by ReportsToId), stakeholders, informal links, and the
 * field history of attitude and strength since the trend window began (one query for the whole
 * account, not one per person: the arrows cost no request of their own).
 */
export const RELATIONSHIP_MAP_QUERY = gql`
  query relationshipMap($recordId: ID, $since: DateTime) {
    uiapi {
      query {
        Contact(
          where: { AccountId: { eq: $recordId } }
          orderBy: { Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Title @optional {
                value
              }
              ReportsToId @optional {
                value
              }
            }
          }
        }
        Stakeholder__c(where: { Account__c: { eq: $recordId } }, first: 2000) {
          edges {
            node {
              Id
              Contact__c @optional {
                value
              }
              Contact__r @optional {
                Name {
                  value
                }
                Title @optional {
                  value
                }
              }
              Buying_Role__c @optional {
                value
                displayValue
              }
              Influence__c @optional {
                value
                displayValue
              }
              Attitude__c @optional {
                value
                displayValue
              }
              Relationship_Strength__c @optional {
                value
                displayValue
              }
              Relationship_Owner__c @optional {
                value
              }
              Relationship_Owner__r @optional {
                Name {
                  value
                }
              }
              Last_Interaction__c @optional {
                value
              }
              Notes__c @optional {
                value
              }
              Change_Alert__c @optional {
                value
                displayValue
              }
              Change_Detected__c @optional {
                value
              }
              Previous_Title__c @optional {
                value
              }
            }
          }
        }
        Stakeholder_Link__c(where: { Account__c: { eq: $recordId } }, first: 2000) {
          edges {
            node {
              Id
              From__c @optional {
                value
              }
              To__c @optional {
                value
              }
              Type__c @optional {
                value
                displayValue
              }
            }
          }
        }
        Stakeholder__History(
          where: {
            Parent: { Account__c: { eq: $recordId } }
            Field: { in: ["Attitude__c", "Relationship_Strength__c"] }
            CreatedDate: { gte: { value: $since } }
          }
          orderBy: { CreatedDate: { order: ASC } }
          first: 2000
        ) @optional {
          edges {
            node {
              Id
              ParentId {
                value
              }
              Field {
                value
              }
              OldValue {
                value
              }
              NewValue {
                value
              }
              CreatedDate {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** Contacts of the account's child accounts: read only when the user asks for them. */
export const CHILD_CONTACTS_QUERY = gql`
  query relationshipMapChildren($recordId: ID) {
    uiapi {
      query {
        Contact(
          where: { Account: { ParentId: { eq: $recordId } } }
          orderBy: { Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Title @optional {
                value
              }
              ReportsToId @optional {
                value
              }
              Account @optional {
                Name {
                  value
                }
              }
            }
          }
        }
      }
    }
  }
`;
