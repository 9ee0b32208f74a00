// A tracefs instance of the probe's own (instances/drainlab-probe-PID), so the global trace buffer and
// anyone else's tracing are left alone: mounted when /sys/kernel/tracing is empty (as root), the events
// enabled there, a counter clock when the kernel has one (x86-tsc: ns resolution where the default clock
// prints µs), and removed at the end. Every step that fails says which file and why.
import { execFile } from 'node:child_process'
import { access, mkdir, readFile, readdir, rmdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { processAlive } from '../../store/process-alive'

export const TRACEFS = '/sys/kernel/tracing'
export const PROBE_EVENTS = [
  'kmem/mm_page_pcpu_drain',
  'workqueue/workqueue_execute_start',
  'workqueue/workqueue_execute_end',
  'ipi/ipi_send_cpu',
  'ipi/ipi_send_cpumask',
  'sched/sched_switch'
] as const
const BUFFER_KB_PER_CPU = 16384

export interface TraceSession {
  dir: string
  clock: string
  /** events that could not be enabled, with the reason */
  missing: string[]
  mark(text: string): Promise<void>
  /** stops tracing and returns the trace text */
  stop(): Promise<string>
  /** removes the instance; safe to call twice */
  close(): Promise<void>
}

async function mountedTracefs(root: string): Promise<void> {
  const entries = await readdir(root).catch(() => [] as string[])
  if (entries.includes('events')) return
  // the rule: mount it where it belongs when it is not mounted
  await promisify(execFile)('mount', ['-t', 'tracefs', 'nodev', root])
}

const INSTANCE = /^drainlab-probe-(\d+)$/

/** A probe killed before its end leaves its instance (and its buffers) behind: removed once its process is gone. */
async function removeAbandonedInstances(instances: string): Promise<void> {
  for (const name of await readdir(instances).catch(() => [] as string[])) {
    const pid = INSTANCE.exec(name)?.[1]
    if (pid !== undefined && !processAlive(Number(pid))) await rmdir(join(instances, name)).catch(() => undefined)
  }
}

export async function startTraceSession(root = TRACEFS): Promise<TraceSession> {
  await mountedTracefs(root)
  await removeAbandonedInstances(join(root, 'instances'))
  const dir = join(root, 'instances', `drainlab-probe-${process.pid}`)
  await mkdir(dir)
  let closed = false
  const missing: string[] = []
  const session: TraceSession = {
    dir,
    clock: 'local',
    missing,
    mark: (text) => writeFile(join(dir, 'trace_marker'), text),
    stop: async () => {
      await writeFile(join(dir, 'tracing_on'), '0')
      return readFile(join(dir, 'trace'), 'utf8')
    },
    close: async () => {
      if (closed) return
      closed = true
      await writeFile(join(dir, 'tracing_on'), '0').catch(() => undefined)
      for (const event of PROBE_EVENTS) await writeFile(join(dir, 'events', event, 'enable'), '0').catch(() => undefined)
      await rmdir(dir)
    }
  }
  try {
    await writeFile(join(dir, 'buffer_size_kb'), String(BUFFER_KB_PER_CPU))
    // the process of each event, not only its thread: a trigger's pages may be freed by any of its threads
    await writeFile(join(dir, 'options', 'record-tgid'), '1').catch((e: NodeJS.ErrnoException) => missing.push(`options/record-tgid: ${e.code ?? e.message}`))
    const clocks = await readFile(join(dir, 'trace_clock'), 'utf8')
    if (/\bx86-tsc\b/.test(clocks)) {
      await writeFile(join(dir, 'trace_clock'), 'x86-tsc')
      session.clock = 'x86-tsc'
    }
    for (const event of PROBE_EVENTS) {
      const enable = join(dir, 'events', event, 'enable')
      try {
        await access(enable)
        await writeFile(enable, '1')
      } catch (e) {
        missing.push(`tracepoint ${event.replace('/', ':')}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
      }
    }
    await writeFile(join(dir, 'tracing_on'), '1')
  } catch (e) {
    await session.close().catch(() => undefined)
    throw e
  }
  return session
}
