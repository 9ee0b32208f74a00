// The lines `drainlab run --engine live` prints under the summary table, one per job: what the host gave the
// run (pinning, policy), the anti-starvation windows its isolated CPUs met and what the drains did, so the workqueue/direct contrast and any pinning that did not
// happen are visible without opening results.json.
import type { ExperimentResults } from '../../src-shared/results/types'

const ms = (ns: number) => `${(ns / 1e6).toFixed(1)} ms`

export function liveSummaryText(results: ExperimentResults): string {
  const lines: string[] = []
  for (const job of results.jobs) {
    const r = job.result
    if (r?.live === undefined) continue
    const { live, drains } = r
    const cpus = live.cpus.map((c) => `CPU ${c.cpu} (${c.role}) → host ${c.hostCpu}: ${c.pinned ? `pinned, Cpus_allowed_list ${c.cpusAllowed}` : `NOT pinned: ${c.pinError}`}, ${c.policy ?? 'policy unknown'}${c.fifoError !== undefined ? ` (${c.fifoError})` : ''}`)
    const t = live.tokens
    const windows = r.interference.map((i) => `CPU ${i.cpu} throttled ${ms(i.bySourceNs.throttle)}, kworker ${ms(i.bySourceNs.kworker)}`)
    lines.push(
      `live ${job.id}: ${live.host.cpuModel}, online ${live.host.online ?? '?'}, isolated ${live.host.isolated || 'none'}, nohz_full ${live.host.nohzFull ?? 'absent'}; ${live.mapping.note}`,
      `  ${cpus.join('; ')}`,
      `  drains: ${drains.requested} requested, ${drains.completed} completed, ${drains.skipped} skipped, ${drains.stalled} stalled${drains.stalled > 0 ? ` (oldest pending ${(drains.oldestPendingNs / 1e6).toFixed(1)} ms)` : ''}; work still queued at the end on CPUs: ${live.workPendingAtEnd.length > 0 ? live.workPendingAtEnd.join(',') : 'none'}`,
      `  anti-starvation ${live.antiStarvation}${windows.length > 0 ? `: ${windows.join('; ')}` : ''}`,
      `  page tokens counted back: ${t.inZone} zone + ${t.onPcplists} pcplists + ${t.held} held = ${t.inZone + t.onPcplists + t.held} of ${t.total}, ${t.lost} lost, ${t.duplicated} duplicated`
    )
  }
  return lines.join('\n')
}
