// Ids of Bulk jobs (750, shared by query and ingest jobs of both API versions) and Bulk 1.0 batches (751).
import { makeId } from '../ids';

let nextJob = 0;
let nextBatch = 0;

export function nextJobId(): string {
  return makeId('750', nextJob++);
}

export function nextBatchId(): string {
  return makeId('751', nextBatch++);
}
