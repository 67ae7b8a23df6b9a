import { gql } from 'lightning/graphql';

// The opportunities behind one matrix cell: the segment's line items whose product is in the
// family, with their opportunity; for the "(none)" family also the segment's opportunities without
// products ($noProductsAccountId is null otherwise, so that connection matches nothing).
export const CELL_OPPORTUNITIES_QUERY = gql`
  query whitespaceOpportunities($segmentId: ID, $family: String, $noProductsAccountId: ID) {
    uiapi {
      query {
        OpportunityLineItem(
          where: {
            and: [
              { Opportunity: { AccountId: { eq: $segmentId } } }
              { Product2: { Family: { eq: $family } } }
            ]
          }
          orderBy: { Opportunity: { CloseDate: { order: DESC } } }
          first: 500
        ) {
          edges {
            node {
              Id
              OpportunityId {
                value
              }
              TotalPrice @optional {
                value
              }
              CurrencyIsoCode @optional {
                value
              }
              Opportunity {
                Name {
                  value
                }
                StageName @optional {
                  value
                  displayValue
                }
                CloseDate @optional {
                  value
                }
              }
            }
          }
        }
        Opportunity(
          where: {
            and: [
              { AccountId: { eq: $noProductsAccountId } }
              { HasOpportunityLineItem: { eq: false } }
            ]
          }
          orderBy: { CloseDate: { order: DESC } }
          first: 200
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              StageName @optional {
                value
                displayValue
              }
              CloseDate @optional {
                value
              }
              Amount @optional {
                value
              }
              CurrencyIsoCode @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;
