import { gql } from 'lightning/graphql';

// The account plan's only read: the account's plans, their objectives and joint initiatives
// (filtered through the plan's account), the last 12 metric snapshots, the account's name and
// its contacts (for an initiative's customer sponsor).
export const ACCOUNT_PLAN_QUERY = gql`
  query accountPlan($recordId: ID) {
    uiapi {
      query {
        Account(where: { Id: { eq: $recordId } }, first: 1) {
          edges {
            node {
              Id
              Name {
                value
              }
            }
          }
        }
        Account_Plan__c(
          where: { Account__c: { eq: $recordId } }
          orderBy: { Start_Date__c: { order: DESC } }
          first: 50
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
              Start_Date__c {
                value
              }
              End_Date__c {
                value
              }
              Customer_Objectives__c {
                value
              }
              Value_Proposition__c {
                value
              }
              Strengths__c {
                value
              }
              Weaknesses__c {
                value
              }
              Opportunities__c {
                value
              }
              Threats__c {
                value
              }
              Revenue_Target__c {
                value
              }
              Governance_Cadence__c {
                value
              }
              Next_Review__c {
                value
              }
              Influence_Rating__c {
                value
              }
              Co_Innovation_Rating__c {
                value
              }
              Collaboration_Rating__c {
                value
              }
              Risk_Rating__c {
                value
              }
            }
          }
        }
        Plan_Objective__c(
          where: { Account_Plan__r: { Account__c: { eq: $recordId } } }
          orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              Id
              Account_Plan__c {
                value
              }
              Name {
                value
              }
              Category__c {
                value
              }
              Measure__c {
                value
              }
              Target_Value__c {
                value
              }
              Current_Value__c {
                value
              }
              Due_Date__c {
                value
              }
              Status__c {
                value
              }
              Owner_User__c {
                value
              }
              Owner_User__r {
                Name {
                  value
                }
              }
            }
          }
        }
        Joint_Initiative__c(
          where: { Account_Plan__r: { Account__c: { eq: $recordId } } }
          orderBy: { Target_Date__c: { order: ASC, nulls: LAST } }
          first: 200
        ) {
          edges {
            node {
              Id
              Account_Plan__c {
                value
              }
              Name {
                value
              }
              Status__c {
                value
              }
              Start_Date__c {
                value
              }
              Target_Date__c {
                value
              }
              Customer_Sponsor__c {
                value
              }
              Customer_Sponsor__r {
                Name {
                  value
                }
              }
              Internal_Owner__r {
                Name {
                  value
                }
              }
              Customer_Value_Target__c {
                value
              }
              Customer_Value_Realized__c {
                value
              }
              Supplier_Value_Target__c {
                value
              }
              Supplier_Value_Realized__c {
                value
              }
              Success_Measure__c {
                value
              }
            }
          }
        }
        Account_Metric__c(
          where: { Account__c: { eq: $recordId } }
          orderBy: { Period__c: { order: DESC } }
          first: 12
        ) {
          edges {
            node {
              Id
              Period__c {
                value
              }
              As_Of__c {
                value
              }
              Is_Current__c {
                value
              }
              Revenue_Quarter__c {
                value
              }
              Revenue_TTM__c {
                value
              }
              Revenue_Growth_YoY__c {
                value
              }
              Revenue_CAGR_3Y__c {
                value
              }
              Open_Pipeline_12M__c {
                value
              }
              Pipeline_Coverage__c {
                value
              }
              Win_Rate__c {
                value
              }
              Mutual_Value_Balance__c {
                value
              }
              Strategic_Score__c {
                value
              }
            }
          }
        }
        Contact(
          where: { AccountId: { eq: $recordId } }
          orderBy: { Name: { order: ASC } }
          first: 200
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
      }
    }
  }
`;
