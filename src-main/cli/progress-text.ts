// Run progress as terminal text: a redrawn bar for a TTY, plain lines for logs and pipes.
import type { RunProgress } from '../../src-shared/api'
import { formatEta, formatEventRate } from '../../src-shared/units'

/** A terminal line keeps its fields in place, so an unknown ETA is a placeholder rather than nothing. */
function eta(ms: number | null): string {
  return formatEta(ms) ?? '--'
}

/** From the whole run's counts: an event lists only the jobs that changed. */
function counts(p: RunProgress): string {
  const { completed, running, failed, cancelled } = p.counts
  return `${completed}/${p.total} jobs done, ${running} running${failed ? `, ${failed} failed` : ''}${cancelled ? `, ${cancelled} cancelled` : ''}`
}

/** One line, to be redrawn in place ("\r"): bar, percentage, jobs, rate, ETA. */
export function progressBar(p: RunProgress, width = 28): string {
  const filled = Math.round(p.overall.fraction * width)
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`
  return `[${bar}] ${(p.overall.fraction * 100).toFixed(0).padStart(3)}%  ${counts(p)}  ${formatEventRate(p.overall.eventsPerSec)}  ETA ${eta(p.overall.etaMs)}`
}

/** A log line with each running job's fraction (every event lists the running jobs). */
export function progressLine(p: RunProgress): string {
  const running = p.jobs.filter((j) => j.status === 'running').map((j) => `${j.id} ${(j.fraction * 100).toFixed(0)}%`)
  return `progress ${(p.overall.fraction * 100).toFixed(0)}%: ${counts(p)}; ${formatEventRate(p.overall.eventsPerSec)}; ETA ${eta(p.overall.etaMs)}${running.length ? `; ${running.join(', ')}` : ''}`
}
