// --trigger free: a child process that fills memory and exits. Its pages go back through the per-CPU
// lists at exit (free_unref_folios() -> free_pcppages_bulk() once a list passes pcp->high), which is what
// kmem:mm_page_pcpu_drain records; the probe counts the events of the child's process to show it fired.
// 6.7+ auto-tunes pcp->high up to high_max (288 MiB per CPU on a 4.5 GiB zone of 2 CPUs), and a free that
// fits under it frees nothing in bulk: 256 MiB fired on some runs here and not on others. So the size is
// 1.5 × the largest high_max (or high) of /proc/zoneinfo, which no list can hold.
// --trigger compact: writes 1 to /proc/sys/vm/compact_memory, as root. compact_nodes() first flushes every
// CPU's LRU batches (lru_add_drain_all(): lru_add_drain_per_cpu work items, which the trace lists), then
// migrates pages, whose frees go through the pcp lists of the writing process's CPU. Measured here: the first
// compaction took 1.2 s of system time and gave 62 000 pcp drain events of the writer; the next one found
// little to migrate and gave none, while its lru_add_drain_per_cpu items still ran on both CPUs.
// Off by default: they take memory and CPU from whatever else the machine runs.
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'

export const TRIGGERS = ['free', 'compact'] as const
export type Trigger = (typeof TRIGGERS)[number]
const MIN_FREE_TRIGGER_BYTES = 64 * 2 ** 20
const MAX_FREE_TRIGGER_BYTES = 2 ** 30
const PAGE_BYTES = 4096

/** How much the free trigger fills: more than any pcp list may hold (largestHighPages: the largest high_max or high). */
export function freeTriggerBytes(largestHighPages: number): number {
  return Math.min(MAX_FREE_TRIGGER_BYTES, Math.max(MIN_FREE_TRIGGER_BYTES, Math.ceil(largestHighPages * 1.5) * PAGE_BYTES))
}

const COMPACT_MEMORY = '/proc/sys/vm/compact_memory'

/** Runs the trigger to its end; the pid of the process whose frees it caused (the child, or this process). */
export async function runTrigger(trigger: Trigger, bytes: number): Promise<number> {
  if (trigger === 'compact') {
    await writeFile(COMPACT_MEMORY, '1')
    return process.pid
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', `Buffer.alloc(${bytes}).fill(1)`], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(child.pid ?? -1) : reject(new Error(`the ${trigger} trigger exited with ${code}`))))
  })
}
