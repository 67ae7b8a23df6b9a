import { gql } from 'lightning/graphql';

// The portfolio's only read: the user's active sponsorships, and through semi-joins on the same
// filter the current metrics, the live plans and the counterparts' stakeholder records of exactly
// those accounts (one request, whatever the number of accounts).
export const SPONSOR_PORTFOLIO_QUERY = gql`
  query sponsorPortfolio($userId: ID) {
    uiapi {
      query {
        Executive_Sponsor__c(
          where: { and: [{ Sponsor__c: { eq: $userId } }, { Active__c: { eq: true } }] }
          orderBy: { Account__r: { Name: { order: ASC } } }
          first: 200
        ) {
          edges {
            node {
              Id
              Account__c {
                value
              }
              Account__r {
                Name {
                  value
                }
              }
              Sponsor__c @optional {
                value
              }
              Sponsor__r @optional {
                Name {
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
              Cadence_Days__c @optional {
                value
              }
              Last_Engagement__c @optional {
                value
              }
              Next_Engagement__c @optional {
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
        Account_Metric__c(
          where: {
            and: [
              {
                Account__c: {
                  inq: {
                    Executive_Sponsor__c: {
                      and: [{ Sponsor__c: { eq: $userId } }, { Active__c: { eq: true } }]
                    }
                    ApiName: "Account__c"
                  }
                }
              }
              { Is_Current__c: { eq: true } }
              # The account's own row, not the group's (Hierarchy) one.
              { Scope__c: { ne: "Hierarchy" } }
            ]
          }
          first: 200
        ) @optional {
          edges {
            node {
              Id
              Account__c {
                value
              }
              Revenue_TTM__c @optional {
                value
              }
              Revenue_Growth_YoY__c @optional {
                value
              }
              Strategic_Score__c @optional {
                value
              }
              CurrencyIsoCode @optional {
                value
              }
            }
          }
        }
        Account_Plan__c(
          where: {
            and: [
              {
                Account__c: {
                  inq: {
                    Executive_Sponsor__c: {
                      and: [{ Sponsor__c: { eq: $userId } }, { Active__c: { eq: true } }]
                    }
                    ApiName: "Account__c"
                  }
                }
              }
              { Status__c: { in: ["Active", "Draft"] } }
            ]
          }
          orderBy: { Start_Date__c: { order: DESC, nulls: LAST } }
          first: 200
        ) @optional {
          edges {
            node {
              Id
              Account__c {
                value
              }
              Status__c @optional {
                value
                displayValue
              }
              Next_Review__c @optional {
                value
              }
            }
          }
        }
        Stakeholder__c(
          where: {
            and: [
              {
                Account__c: {
                  inq: {
                    Executive_Sponsor__c: {
                      and: [{ Sponsor__c: { eq: $userId } }, { Active__c: { eq: true } }]
                    }
                    ApiName: "Account__c"
                  }
                }
              }
              {
                Contact__c: {
                  inq: {
                    Executive_Sponsor__c: {
                      and: [{ Sponsor__c: { eq: $userId } }, { Active__c: { eq: true } }]
                    }
                    ApiName: "Customer_Counterpart__c"
                  }
                }
              }
            ]
          }
          first: 200
        ) @optional {
          edges {
            node {
              Id
              Account__c {
                value
              }
              Contact__c @optional {
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
