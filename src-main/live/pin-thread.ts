// Pinning a worker's kernel thread to its host CPU (taskset -p -c) and, where asked, making it SCHED_FIFO at
// its task's priority (chrt -f -p). What the kernel then reports is read back — the thread's
// Cpus_allowed_list from /proc/PID/task/TID/status and its policy from chrt -p — and recorded as achieved,
// with the tool's error (EPERM, missing tool, not Linux) when it refused.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { LiveCpu } from '../../src-shared/results/types'

const run = promisify(execFile)
const TOOL_TIMEOUT_MS = 5000

/** What pinning and chrt achieved on one thread: the fields of the result's LiveCpu they fill. */
export type PinOutcome = Pick<LiveCpu, 'tid' | 'hostCpu' | 'cpusAllowed' | 'pinned' | 'pinError' | 'fifoRequested' | 'policy' | 'fifoError'>

/** "tool: first line of its complaint": the tool's own "tool: " prefix on stderr is not repeated. */
function toolError(tool: string, e: unknown): string {
  const err = e as { code?: string | number; stderr?: string; message?: string }
  const line = (err.stderr?.trim() || err.message || String(e)).split('\n')[0]
  return `${tool}: ${line.startsWith(`${tool}: `) ? line.slice(tool.length + 2) : line}${typeof err.code === 'string' ? ` (${err.code})` : ''}`
}

export async function cpusAllowedOf(tid: number): Promise<string | null> {
  try {
    const status = await readFile(`/proc/${process.pid}/task/${tid}/status`, 'utf8')
    return /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1] ?? null
  } catch {
    return null
  }
}

async function policyOf(tid: number): Promise<string | null> {
  try {
    const { stdout } = await run('chrt', ['-p', String(tid)], { timeout: TOOL_TIMEOUT_MS })
    return /policy:\s*(\S+)/.exec(stdout)?.[1] ?? null
  } catch {
    return null
  }
}

export async function pinThread(tid: number | null, hostCpu: number, fifoPriority: number | null, why: string | null): Promise<PinOutcome> {
  const outcome: PinOutcome = { tid, hostCpu, cpusAllowed: null, pinned: false, fifoRequested: fifoPriority, policy: null }
  if (tid === null || why !== null) return { ...outcome, pinError: why ?? 'no thread id', ...(fifoPriority !== null ? { fifoError: why ?? 'no thread id' } : {}) }
  try {
    await run('taskset', ['-p', '-c', String(hostCpu), String(tid)], { timeout: TOOL_TIMEOUT_MS })
  } catch (e) {
    outcome.pinError = toolError('taskset', e)
  }
  outcome.cpusAllowed = await cpusAllowedOf(tid)
  outcome.pinned = outcome.cpusAllowed === String(hostCpu)
  if (!outcome.pinned && outcome.pinError === undefined) outcome.pinError = `the kernel reports Cpus_allowed_list ${outcome.cpusAllowed ?? '(unreadable)'}`
  if (fifoPriority !== null) {
    try {
      await run('chrt', ['-f', '-p', String(fifoPriority), String(tid)], { timeout: TOOL_TIMEOUT_MS })
    } catch (e) {
      outcome.fifoError = toolError('chrt', e)
    }
  }
  outcome.policy = await policyOf(tid)
  return outcome
}
