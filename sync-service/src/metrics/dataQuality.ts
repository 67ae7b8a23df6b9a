// The data-quality report: counts by kind and, per kind, the smallest sample ids, so that the
// report is the same whatever order the records arrive in.
import { DATA_QUALITY_KINDS, type DataQualityKind, type DataQualityReport } from './types';

export const MAX_SAMPLES = 10;

export class DataQualityLog {
  private readonly counts = Object.fromEntries(
    DATA_QUALITY_KINDS.map((kind) => [kind, 0])
  ) as Record<DataQualityKind, number>;
  private readonly samples = Object.fromEntries(
    DATA_QUALITY_KINDS.map((kind) => [kind, [] as string[]])
  ) as Record<DataQualityKind, string[]>;

  record(kind: DataQualityKind, sampleId: string): void {
    this.counts[kind]++;
    const samples = this.samples[kind];
    if (samples.length === MAX_SAMPLES && sampleId >= samples[MAX_SAMPLES - 1]!) return;
    let index = samples.length;
    while (index > 0 && samples[index - 1]! > sampleId) index--;
    if (samples[index - 1] === sampleId) return;
    samples.splice(index, 0, sampleId);
    if (samples.length > MAX_SAMPLES) samples.pop();
  }

  /** Adds another log's report (of other records): counts add up, samples stay the smallest ids. */
  merge(report: DataQualityReport): void {
    for (const kind of DATA_QUALITY_KINDS) {
      const before = this.counts[kind];
      for (const sampleId of report.samples[kind]) this.record(kind, sampleId);
      this.counts[kind] = before + report.counts[kind];
    }
  }

  report(): DataQualityReport {
    return {
      counts: { ...this.counts },
      samples: Object.fromEntries(
        DATA_QUALITY_KINDS.map((kind) => [kind, [...this.samples[kind]]])
      ) as Record<DataQualityKind, string[]>
    };
  }
}
