// `npm run bench`: runs each benchmark and prints one table. A thin orchestrator: every
// benchmark lives in scripts/bench/<part>.ts and returns its own figures.
import { benchmarkEngine } from './bench/engine';

interface BenchmarkRow {
  benchmark: string;
  size: string;
  seconds: string;
  throughput: string;
  peakRssMb: string;
}

const ENGINE_OPPORTUNITIES = 1_000_000;

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const rows: BenchmarkRow[] = [];
  const engine = await benchmarkEngine(ENGINE_OPPORTUNITIES);
  rows.push({
    benchmark: 'metrics engine',
    size: `${formatCount(engine.opportunities)} opportunities`,
    seconds: engine.seconds.toFixed(3),
    throughput: `${formatCount(engine.perSecond)} opportunities/s`,
    peakRssMb: engine.peakRssMb.toFixed(0)
  });
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
