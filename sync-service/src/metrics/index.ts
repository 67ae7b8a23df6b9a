// Public API of the metrics engine (DESIGN.md "Metric definitions"): records in, metric rows out.
export * from './types';
export { createMetricsRun } from './run';
export { engagementStatusOn, sponsorEngagements, type ActivityInput, type SponsorEngagement, type SponsorshipInput } from './engagement';
