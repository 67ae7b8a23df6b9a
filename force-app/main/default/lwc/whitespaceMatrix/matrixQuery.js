import { gql } from 'lightning/graphql';

// The matrix's only read, one request. Rows: the page's account and its subsidiaries (ParentId,
// up to 5 levels below it). Cells: the Whitespace_Cell__c rows of those segments in the matrix of
// the group's top account (cells are master-detail to the top; Account__r without a parent keeps
// out a strategic subsidiary's own matrix, if the sync writes one). A subsidiary's page thus
// shows its own subtree of the group's matrix without first looking up the top. The cells are
// @optional: a user who may not read Whitespace_Cell__c gets the connection left out, not an error.
export const WHITESPACE_MATRIX_QUERY = gql`
  query whitespaceMatrix($recordId: ID) {
    uiapi {
      query {
        Account(
          where: {
            or: [
              { Id: { eq: $recordId } }
              { ParentId: { eq: $recordId } }
              { Parent: { ParentId: { eq: $recordId } } }
              { Parent: { Parent: { ParentId: { eq: $recordId } } } }
              { Parent: { Parent: { Parent: { ParentId: { eq: $recordId } } } } }
              { Parent: { Parent: { Parent: { Parent: { ParentId: { eq: $recordId } } } } } }
            ]
          }
          orderBy: { Name: { order: ASC } }
          first: 500
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              ParentId @optional {
                value
              }
            }
          }
        }
        Whitespace_Cell__c(
          where: {
            and: [
              { Account__r: { ParentId: { eq: null } } }
              {
                or: [
                  { Segment_Account__c: { eq: $recordId } }
                  { Segment_Account__r: { ParentId: { eq: $recordId } } }
                  { Segment_Account__r: { Parent: { ParentId: { eq: $recordId } } } }
                  { Segment_Account__r: { Parent: { Parent: { ParentId: { eq: $recordId } } } } }
                  {
                    Segment_Account__r: {
                      Parent: { Parent: { Parent: { ParentId: { eq: $recordId } } } }
                    }
                  }
                  {
                    Segment_Account__r: {
                      Parent: { Parent: { Parent: { Parent: { ParentId: { eq: $recordId } } } } }
                    }
                  }
                ]
              }
            ]
          }
          first: 2000
        ) @optional {
          edges {
            node {
              Id
              Account__c @optional {
                value
              }
              Account__r @optional {
                Name {
                  value
                }
              }
              Segment_Account__c @optional {
                value
              }
              Product_Family__c @optional {
                value
              }
              Won_TTM__c @optional {
                value
              }
              Open_Pipeline_12M__c @optional {
                value
              }
              Status__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;
