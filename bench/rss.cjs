// Preloaded into a benchmarked process (NODE_OPTIONS=--require): appends its peak resident memory
// (kilobytes) to QUANTFOOT_BENCH_RSS_FILE when it exits.
process.on('exit', () => {
  if (process.env.QUANTFOOT_BENCH_RSS_FILE) require('node:fs').appendFileSync(process.env.QUANTFOOT_BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
