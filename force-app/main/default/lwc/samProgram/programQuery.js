import { gql } from 'lightning/graphql';

// The program page's only read. Account_Metric__c rows are the account's own (Scope__c Account,
// or blank on rows written before scopes existed): hierarchy rows sum a group with its
// subsidiaries and would count them twice. Every field a permission set may hide is @optional.
export const SAM_PROGRAM_QUERY = gql`
  query samProgram($candidates: Int) {
    uiapi {
      query {
        Program_Metric__c(orderBy: { As_Of__c: { order: DESC } }, first: 12) {
          edges {
            node {
              Id
              Period__c @optional {
                value
              }
              As_Of__c @optional {
                value
              }
              Strategic_Accounts__c @optional {
                value
              }
              Strategic_Revenue_TTM__c @optional {
                value
              }
              Other_Revenue_TTM__c @optional {
                value
              }
              Strategic_Growth_YoY__c @optional {
                value
              }
              Other_Growth_YoY__c @optional {
                value
              }
              Strategic_Revenue_Share__c @optional {
                value
              }
              Sponsor_Coverage__c @optional {
                value
              }
              Plan_Coverage__c @optional {
                value
              }
            }
          }
        }
        Account(
          where: { Strategic_Account__c: { eq: true } }
          orderBy: { Name: { order: ASC } }
          first: 2000
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
            }
          }
        }
        strategicMetrics: Account_Metric__c(
          where: {
            and: [
              { Is_Current__c: { eq: true } }
              { or: [{ Scope__c: { eq: "Account" } }, { Scope__c: { eq: null } }] }
              { Account__r: { Strategic_Account__c: { eq: true } } }
            ]
          }
          first: 2000
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
              Period__c @optional {
                value
              }
              Revenue_TTM__c @optional {
                value
              }
              Revenue_Growth_YoY__c @optional {
                value
              }
              Revenue_CAGR_3Y__c @optional {
                value
              }
              Strategic_Score__c @optional {
                value
              }
              Score_Criteria__c @optional {
                value
              }
              Mutual_Value_Balance__c @optional {
                value
              }
              Plan_Health__c @optional {
                value
              }
            }
          }
        }
        candidateMetrics: Account_Metric__c(
          where: {
            and: [
              { Is_Current__c: { eq: true } }
              { or: [{ Scope__c: { eq: "Account" } }, { Scope__c: { eq: null } }] }
              { Account__r: { Strategic_Account__c: { eq: false } } }
              { Strategic_Score__c: { ne: null } }
            ]
          }
          orderBy: { Strategic_Score__c: { order: DESC } }
          first: $candidates
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
              Period__c @optional {
                value
              }
              Revenue_TTM__c @optional {
                value
              }
              Revenue_Growth_YoY__c @optional {
                value
              }
              Revenue_CAGR_3Y__c @optional {
                value
              }
              Strategic_Score__c @optional {
                value
              }
              Score_Criteria__c @optional {
                value
              }
              Mutual_Value_Balance__c @optional {
                value
              }
              Plan_Health__c @optional {
                value
              }
            }
          }
        }
        Executive_Sponsor__c(
          where: {
            and: [
              { Active__c: { eq: true } }
              { Account__r: { Strategic_Account__c: { eq: true } } }
            ]
          }
          first: 2000
        ) @optional {
          edges {
            node {
              Id
              Account__c {
                value
              }
              Sponsor__r @optional {
                Name {
                  value
                }
              }
              Engagement_Status__c @optional {
                value
              }
            }
          }
        }
        Account_Plan__c(
          where: {
            and: [
              { Account__r: { Strategic_Account__c: { eq: true } } }
              { Status__c: { ne: "Archived" } }
            ]
          }
          first: 2000
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
            }
          }
        }
      }
    }
  }
`;
