// lightning/graphql mock: sfdx-lwc-jest's test wire adapter (graphql.emit / emitErrors) plus
// refreshGraphQL, which the shipped stub lacks; tests assert on refreshGraphQL calls.
export { graphql, gql } from '@salesforce/sfdx-lwc-jest/src/lightning-stubs/graphql/graphql';
export const refreshGraphQL = jest.fn(() => Promise.resolve());
