import { gql } from 'lightning/graphql';

// The account plan's only read: the account's plans, their objectives (with the tasks under
// them: a semi-join on the objectives, Owner asked as the polymorphic field it is) and joint
// initiatives (filtered through the plan's account), the last 12 metric snapshots of the account
// alone, the group's current Hierarchy row (only accounts with subsidiaries have one) and the
// account's name. Every field a permission set may hide is @optional: hidden, it is left out of
// the answer and the card shows "—" instead of failing.
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
              Status__c @optional {
                value
              }
              Start_Date__c @optional {
                value
              }
              End_Date__c @optional {
                value
              }
              Customer_Objectives__c @optional {
                value
              }
              Value_Proposition__c @optional {
                value
              }
              Strengths__c @optional {
                value
              }
              Weaknesses__c @optional {
                value
              }
              Opportunities__c @optional {
                value
              }
              Threats__c @optional {
                value
              }
              Revenue_Target__c @optional {
                value
              }
              Governance_Cadence__c @optional {
                value
              }
              Next_Review__c @optional {
                value
              }
              Influence_Rating__c @optional {
                value
              }
              Co_Innovation_Rating__c @optional {
                value
              }
              Collaboration_Rating__c @optional {
                value
              }
              Risk_Rating__c @optional {
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
              Account_Plan__c @optional {
                value
              }
              Name {
                value
              }
              Category__c @optional {
                value
              }
              Measure__c @optional {
                value
              }
              Target_Value__c @optional {
                value
              }
              Current_Value__c @optional {
                value
              }
              Due_Date__c @optional {
                value
              }
              Status__c @optional {
                value
              }
              Owner_User__c @optional {
                value
              }
              Owner_User__r @optional {
                Name {
                  value
                }
              }
            }
          }
        }
        Task(
          where: {
            WhatId: {
              inq: {
                Plan_Objective__c: { Account_Plan__r: { Account__c: { eq: $recordId } } }
                ApiName: "Id"
              }
            }
          }
          orderBy: { ActivityDate: { order: ASC, nulls: LAST } }
          first: 2000
        ) @optional {
          edges {
            node {
              Id
              WhatId {
                value
              }
              Subject @optional {
                value
              }
              Status @optional {
                value
                displayValue
              }
              IsClosed @optional {
                value
              }
              ActivityDate @optional {
                value
              }
              Owner @optional {
                ... on User {
                  Name {
                    value
                  }
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
              Account_Plan__c @optional {
                value
              }
              Name {
                value
              }
              Status__c @optional {
                value
              }
              Start_Date__c @optional {
                value
              }
              Target_Date__c @optional {
                value
              }
              Customer_Sponsor__c @optional {
                value
              }
              Customer_Sponsor__r @optional {
                Name {
                  value
                }
              }
              Internal_Owner__r @optional {
                Name {
                  value
                }
              }
              Customer_Value_Target__c @optional {
                value
              }
              Customer_Value_Realized__c @optional {
                value
              }
              Supplier_Value_Target__c @optional {
                value
              }
              Supplier_Value_Realized__c @optional {
                value
              }
              Success_Measure__c @optional {
                value
              }
            }
          }
        }
        Account_Metric__c(
          where: { Account__c: { eq: $recordId }, Scope__c: { ne: "Hierarchy" } }
          orderBy: { Period__c: { order: DESC } }
          first: 12
        ) {
          edges {
            node {
              Id
              Period__c @optional {
                value
              }
              As_Of__c @optional {
                value
              }
              Is_Current__c @optional {
                value
              }
              Revenue_Quarter__c @optional {
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
              Open_Pipeline_12M__c @optional {
                value
              }
              Pipeline_Coverage__c @optional {
                value
              }
              Win_Rate__c @optional {
                value
              }
              Mutual_Value_Balance__c @optional {
                value
              }
              Customer_Value__c @optional {
                value
              }
              Supplier_Value__c @optional {
                value
              }
              Strategic_Score__c @optional {
                value
              }
              Score_Criteria__c @optional {
                value
              }
              Plan_Health__c @optional {
                value
              }
              Health_Plan__c @optional {
                value
              }
              Health_Relationships__c @optional {
                value
              }
              Health_Sponsorship__c @optional {
                value
              }
              Health_Execution__c @optional {
                value
              }
              Health_Checks__c @optional {
                value
              }
            }
          }
        }
        GroupMetric: Account_Metric__c(
          where: {
            Account__c: { eq: $recordId }
            Scope__c: { eq: "Hierarchy" }
            Is_Current__c: { eq: true }
          }
          first: 1
        ) {
          edges {
            node {
              Id
              Revenue_TTM__c @optional {
                value
              }
              Revenue_Growth_YoY__c @optional {
                value
              }
              Open_Pipeline_12M__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;
