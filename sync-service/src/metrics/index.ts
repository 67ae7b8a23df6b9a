// Public API of the metrics engine (DESIGN.md "Metric definitions"): records in, metric rows out.
export * from './types';
export { createFiguresRun, createMetricsRun, metricsFromFigures, PERIOD_COUNT, type AccountFigures, type FiguresContext, type FiguresRun } from './run';
export { engagementStatusOn, sponsorEngagements, type ActivityInput, type SponsorEngagement, type SponsorshipInput } from './engagement';
