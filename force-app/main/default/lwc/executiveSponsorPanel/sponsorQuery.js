import { gql } from 'lightning/graphql';

// The panel's only read: the account's active sponsorships, its stakeholders (high-influence
// ones for the gap notice; a counterpart's record to note the engagement on).
export const SPONSOR_PANEL_QUERY = gql`
  query executiveSponsorPanel($recordId: ID) {
    uiapi {
      query {
        Executive_Sponsor__c(
          where: { and: [{ Account__c: { eq: $recordId } }, { Active__c: { eq: true } }] }
          orderBy: { Start_Date__c: { order: ASC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Sponsor__c @optional {
                value
              }
              Sponsor__r @optional {
                Name {
                  value
                }
                Title @optional {
                  value
                }
                SmallPhotoUrl @optional {
                  value
                }
              }
              Customer_Counterpart__c @optional {
                value
              }
              Customer_Counterpart__r @optional {
                Name {
                  value
                }
                Title @optional {
                  value
                }
              }
              Role__c @optional {
                value
              }
              Start_Date__c @optional {
                value
              }
              Cadence_Days__c @optional {
                value
              }
              Last_Engagement__c @optional {
                value
              }
              Next_Engagement__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Days_Since_Engagement__c @optional {
                value
              }
              Engagement_Status__c @optional {
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
              Influence__c @optional {
                value
              }
              Last_Interaction__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;
