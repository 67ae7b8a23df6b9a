// Preloaded into every benchmarked child process (`node --import tsx --import <this file> …`):
// on exit it writes the process's peak resident set size, in kilobytes, to the file named by
// TANDEM_BENCH_RSS_FILE. The child runs its own entry point unchanged.
import fs from 'node:fs';

const target = process.env.TANDEM_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
