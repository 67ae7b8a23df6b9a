// `node --import tsx scripts/bench/engineRun.ts <opportunities>`: the metrics engine benchmark in
// a process of its own, printing its figures as one JSON line.
import { benchmarkEngine } from './engine';

const opportunities = Number(process.argv[2] ?? 1_000_000);
benchmarkEngine(opportunities).then(
  (figure) => process.stdout.write(`${JSON.stringify(figure)}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  }
);
