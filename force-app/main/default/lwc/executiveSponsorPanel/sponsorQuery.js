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
              Sponsor__c {
                value
              }
              Sponsor__r {
                Name {
                  value
                }
                Title {
                  value
                }
                SmallPhotoUrl {
                  value
                }
              }
              Customer_Counterpart__c {
                value
              }
              Customer_Counterpart__r {
                Name {
                  value
                }
                Title {
                  value
                }
              }
              Role__c {
                value
              }
              Start_Date__c {
                value
              }
              Cadence_Days__c {
                value
              }
              Last_Engagement__c {
                value
              }
              Next_Engagement__c {
                value
              }
              Commitments__c {
                value
              }
              Days_Since_Engagement__c {
                value
              }
              Engagement_Status__c {
                value
              }
            }
          }
        }
        Stakeholder__c(where: { Account__c: { eq: $recordId } }, first: 2000) {
          edges {
            node {
              Id
              Contact__c {
                value
              }
              Contact__r {
                Name {
                  value
                }
                Title {
                  value
                }
              }
              Influence__c {
                value
              }
              Last_Interaction__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
