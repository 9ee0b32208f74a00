// The small experiment the lab, store and CLI tests run: 4 CPUs, one allocating 1 kHz task on isolated
// CPU 3, 50 reclaim drains a second, workqueue against direct. Each test names it and sets its own run.
export const SMALL_TASK = { name: 'loop', cpu: 3, mode: 'periodic', periodUs: 1000, runtimeUs: 200, allocsPerJob: 2 } as const

/** A 10 kHz task that allocates 8 pages a job: about a second of engine work per 40 s simulated. */
export const BUSY_TASK = { ...SMALL_TASK, periodUs: 100, runtimeUs: 20, allocsPerJob: 8 } as const

export function smallExperiment(name: string, run: { durationMs: number; seeds: number[] }, task: typeof SMALL_TASK | typeof BUSY_TASK = SMALL_TASK) {
  return {
    schemaVersion: 1,
    name,
    machine: { cpus: 4, isolated: '2-3' },
    kernel: { variants: ['workqueue', 'direct'] },
    rtTasks: [{ ...task }],
    drainSources: [{ kind: 'reclaim', ratePerSec: 50 }],
    run
  }
}
