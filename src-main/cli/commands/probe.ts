// drainlab probe [--duration 10s] [--cpus LIST] [--trigger free,compact] [--out DIR] [--name NAME] [--data-dir DIR] [--no-history]
// Reads this machine's pcp state (/proc/zoneinfo, vm sysctls, isolated and nohz_full CPUs) beside the
// model's values, traces pcp drains, work items, IPIs and switches through tracefs while cyclictest measures
// wakeup latency on the chosen CPUs, and writes a results document (engine "host") with a calibration block
// (docs/measurements.md). Linux only; tracing and cyclictest need root, and without them the probe says
// what is missing. Exit 0 (also with parts missing: they are listed), 2 for invalid options, 1 when the
// results cannot be written.
import type { Command } from 'commander'
import type { ProbeCommandOptions } from './probe-action'

export function registerProbeCommand(program: Command): void {
  program
    .command('probe')
    .description('measure this machine: real pcp values beside the model\'s, drain trace, wakeup latency (docs/measurements.md)')
    .option('--duration <time>', 'how long to trace and measure, whole seconds (e.g. 3s, 10s)', '10s')
    .option('--cpus <list>', 'CPUs to measure, e.g. 2-3 (default: the isolated CPUs, else all)')
    .option('--trigger <list>', 'make pcp frees happen while tracing: free (a process fills and frees 1.5 × the largest pcp high_max), compact (echo 1 > /proc/sys/vm/compact_memory); comma-separated, off by default')
    .option('--out <dir>', 'output folder (default: a new folder here, named after the probe and the time); refused when it already holds a run\'s results.json')
    .option('--name <name>', 'the run\'s name (default: probe, host and kernel release)')
    .option('--data-dir <dir>', 'the Drain Lab data folder whose run history records this probe (default: the platform data folder)')
    .option('--no-history', 'do not record the probe in the history')
    .action(async (o: ProbeCommandOptions) => (await import('./probe-action')).probe(o))
}
