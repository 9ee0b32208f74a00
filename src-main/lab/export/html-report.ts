// One self-contained HTML file someone can mail around: what was simulated, the comparison, the charts
// (PNG data URIs, so it opens anywhere offline), the worst cases explained, and how to run it again.
import { CHARTS } from '../../../src-shared/charts/index'
import { worstByVariant } from '../../../src-shared/charts/worst-breakdown'
import { VARIANT_COLORS } from '../../../src-shared/charts/variant-colors'
import { describePolicy, summarizeVariant, VARIANT_SUMMARY_COLUMNS } from '../../../src-shared/kernel/variant-summary'
import { isolatedCpus } from '../../../src-shared/profile/cpu-roles'
import { HEADLINE_LABELS, HEADLINE_METRICS } from '../../../src-shared/results/headline'
import { flushRows } from '../../../src-shared/results/flush-rows'
import { kswapdSummaryText } from '../../../src-shared/results/kswapd-summary'
import { formatMetric, summaryRows } from '../../../src-shared/results/summary-table'
import type { ExperimentResults, Measurement } from '../../../src-shared/results/types'
import { formatNs } from '../../../src-shared/units'
import { renderChartPng, type ChartImageOptions } from './chart-render'

/**
 * Every value that goes into the page passes through here, numbers too: the document may come from a
 * results.json on disk, and a field that is a number today may be a string tomorrow.
 */
function esc(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function profileSummary(results: ExperimentResults): string {
  const p = results.profile
  const rows: Array<[string, string]> = [
    ['machine', `${p.machine.cpus} CPUs, isolated ${p.machine.isolated || 'none'} (${isolatedCpus(p).length}), ${p.machine.memoryGiB} GiB, ${p.machine.pageSizeKiB} KiB pages, HZ=${p.machine.hz}`],
    ['variants', p.kernel.variants.join(', ')],
    ['anti-starvation', describePolicy(p.kernel.antiStarvation)],
    ['pcp', `batch ${p.kernel.pcp.batch}, high ${p.kernel.pcp.high}, auto-tuning ${p.kernel.pcp.autotune === 'release' ? 'as each release' : p.kernel.pcp.autotune ? 'on' : 'off'}`],
    ['realtime tasks', p.rtTasks.map((t) => `${t.name} on CPU ${t.cpu} (${t.mode}, period ${t.periodUs} µs)`).join('; ') || 'none'],
    ['drain sources', p.drainSources.map((s) => (s.kind === 'once' ? `once at ${s.atMs} ms` : `${s.kind} ${s.ratePerSec}/s`)).join('; ') || 'none'],
    ['run', `${p.run.durationMs} ms simulated, seeds ${p.run.seeds.join(', ')}`],
    ['engine', results.engineVersion]
  ]
  if (p.sweep !== undefined) rows.push(['sweep', p.sweep.parameters.map((s) => `${s.path} ∈ {${s.values.join(', ')}}`).join(' × ')])
  return `<table class="kv">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`
}

function reproduceSection(results: ExperimentResults, command: string): string {
  return `<h2>How to reproduce</h2>
<p>Save the profile below as <code>profile.drainlab.json</code> and run:</p>
<pre>${esc(command)}</pre>
<p>The same profile, seeds and engine version (${esc(results.engineVersion)}) give the same results, byte for byte.</p>`
}

/** A measured document is not re-run: it says where its numbers come from instead (docs/measurements.md). */
function measuredSection(m: Measurement): string {
  const files = m.files.map((f) => `<li>${esc(f.file)} (${esc(f.format)}${f.host === undefined ? '' : `, host ${esc(f.host)}`}${f.kernelRelease === undefined ? '' : `, kernel ${esc(f.kernelRelease)}`})${f.command === undefined ? '' : `: <code>${esc(f.command)}</code>`}</li>`)
  return `<h2>Where the numbers come from</h2>
<p>Measured by ${esc(m.tool)}, not simulated; filed under the variant of ${esc(m.variantFrom)}. The profile below describes the measured setup; running it simulates that setup.</p>
<ul>${files.join('')}</ul>`
}

/** What each variant of the run included: its release and traits, the profile's overrides marked. */
function variantsTable(results: ExperimentResults): string {
  const kernel = results.profile.kernel
  const columns = VARIANT_SUMMARY_COLUMNS.filter(([key]) => key !== 'note')
  const rows = kernel.variants.map((v) => summarizeVariant(v, kernel))
  const notes = rows.filter((r) => r.note !== '').map((r) => `<p class="note">${esc(r.variant)}: ${esc(r.note)}</p>`)
  return `<table class="grid"><thead><tr>${columns.map(([, h]) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${columns.map(([key]) => `<td>${esc(r[key])}</td>`).join('')}</tr>`).join('')}</tbody></table>
${notes.join('\n')}`
}

function comparisonTable(results: ExperimentResults): string {
  const rows = summaryRows(results)
  const hasSweep = rows.some((r) => r.sweep !== null)
  const head = ['variant', ...(hasSweep ? ['sweep'] : []), 'seeds', ...HEADLINE_METRICS.map((m) => HEADLINE_LABELS[m].title)]
  const body = rows.map((r) => {
    const seeds = `${r.seeds}${r.failed ? `, ${r.failed} failed` : ''}${r.cancelled ? `, ${r.cancelled} cancelled` : ''}`
    return `<tr><td><span class="swatch" style="background:${esc(VARIANT_COLORS[r.variant])}"></span>${esc(r.variant)}</td>${hasSweep ? `<td>${esc(r.sweep ?? '')}</td>` : ''}<td>${esc(seeds)}</td>${HEADLINE_METRICS.map((m) => `<td class="num">${esc(formatMetric(m, r.values[m]))}</td>`).join('')}</tr>`
  })
  return `<table class="grid"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>
<p class="note">Latency max and drain max: the worst seed. Other columns: mean over seeds. Latency is wakeup latency (release → start) of the worst realtime task; drain time is request → completion of completed drains; stalled drains were still pending at the end of the run; skipped drains found pcpu_drain_mutex held.</p>`
}

/** The per-CPU flushes other than the pcp drain (model.md §10), when the run made any. */
function flushSection(results: ExperimentResults): string {
  const rows = flushRows(results)
  if (rows.length === 0) return ''
  const head = ['variant', 'flush', 'calls', 'done', 'skipped', 'stalled', 'work on isolated CPUs', 'on housekeeping', 'isolated passed over', 'remote (pw_queue_on)', 'wait p50', 'wait max']
  const body = rows.map((r) => `<tr><td>${esc(r.variant)}</td><td>${esc(r.label)}</td>${[r.requested, r.completed, r.skipped, r.stalled, r.isolatedWorkItems, r.housekeepingWorkItems, r.isolatedSkipped, r.remoteFlushes].map((n) => `<td class="num">${esc(n)}</td>`).join('')}<td class="num">${esc(formatNs(r.p50Ns))}</td><td class="num">${esc(formatNs(r.maxNs))}</td></tr>`)
  return `<h2>Per-CPU flushes</h2>
<table class="grid"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>
<p class="note">Counts summed over seeds; waits from the call to its last work item, the largest seed's. Stalled calls were still waiting for a work item (or for the mutex behind one) at the end of the run.</p>`
}

/** kswapd's balances before the reclaim drains (model.md §2.3), when the run had any. */
function kswapdSection(results: ExperimentResults): string {
  const line = kswapdSummaryText(results)
  return line === '' ? '' : `<p class="note">${esc(line)}</p>`
}

function worstSection(results: ExperimentResults): string {
  const worst = worstByVariant(results)
  if (worst.length === 0) {
    const anyLatency = results.jobs.some((j) => j.result?.tasks.some((t) => t.latencyNs.max > 0))
    return anyLatency || !results.jobs.some((j) => (j.result?.tasks.length ?? 0) > 0)
      ? '<p>No worst sample was recorded.</p>'
      : '<p>No worst sample: every wakeup latency was 0 (the tasks never waited to start, as polling tasks that never sleep). Response times and the interference chart show what took their CPU time.</p>'
  }
  return worst.map(({ variant, seed, worst: w }) => {
    const parts = w.breakdown.filter((b) => b.ns > 0).map((b) => `${esc(b.source)} ${esc(formatNs(b.ns))} (${esc(((100 * b.ns) / Math.max(1, w.valueNs)).toFixed(0))} %)`)
    return `<p><b>${esc(variant)}</b> (seed ${esc(seed)}): worst ${esc(w.metric)} ${esc(formatNs(w.valueNs))} of task ${esc(w.task)} on CPU ${esc(w.cpu)}, released at ${esc(formatNs(w.releaseNs))}: ${parts.join(', ') || 'no breakdown'}.</p>`
  }).join('\n')
}

function failures(results: ExperimentResults): string {
  const bad = results.jobs.filter((j) => j.status !== 'completed')
  if (bad.length === 0) return ''
  return `<h2>Jobs that did not complete</h2><ul>${bad.map((j) => `<li>${esc(j.id)}: ${esc(j.status)}${j.error ? ` — ${esc(j.error)}` : ''}${j.result?.partial ? ' (partial result kept)' : ''}</li>`).join('')}</ul>`
}

export interface HtmlReportOptions extends ChartImageOptions {
  /** the command that reproduces the results, shown under "How to reproduce" */
  command: string
}

export async function htmlReport(results: ExperimentResults, opts: HtmlReportOptions): Promise<string> {
  const charts: string[] = []
  for (const spec of CHARTS) {
    if (!spec.available(results)) continue
    const png = await renderChartPng(spec.build(results), opts)
    charts.push(`<figure><img alt="${esc(spec.title)}" src="data:image/png;base64,${esc(png.toString('base64'))}"><figcaption>${esc(spec.title)}</figcaption></figure>`)
  }
  const p = results.profile
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(p.name)} — Drain Lab report</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; color: #1d1d1f; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; } .kv th { text-align: left; padding: 2px 12px 2px 0; color: #555; font-weight: 600; }
.grid th, .grid td { border: 1px solid #ddd; padding: 4px 8px; } .grid th { background: #f4f4f6; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; }
.note { color: #555; font-size: .9em; } figure { margin: 1.5em 0; } figure img { max-width: 100%; border: 1px solid #eee; }
figcaption { color: #555; font-size: .9em; } pre { background: #f6f6f8; padding: 8px; overflow-x: auto; }
.partial { background: #fff4d6; border: 1px solid #e6c36a; padding: 8px; }
</style></head><body>
<h1>${esc(p.name)}</h1>
${p.description ? `<p>${esc(p.description)}</p>` : ''}
${results.partial ? '<p class="partial">This run was cancelled: the results are partial (see the jobs below).</p>' : ''}
<h2>Profile</h2>
${profileSummary(results)}
<h2>Kernel variants</h2>
${variantsTable(results)}
<h2>Comparison</h2>
${comparisonTable(results)}
${flushSection(results)}
${kswapdSection(results)}
<h2>Worst case</h2>
${worstSection(results)}
<h2>Charts</h2>
${charts.join('\n')}
${failures(results)}
${results.measurement === undefined ? reproduceSection(results, opts.command) : measuredSection(results.measurement)}
<details><summary>profile.drainlab.json</summary><pre>${esc(JSON.stringify(p, null, 2))}</pre></details>
</body></html>
`
}
