import { loadImage, createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { exportFiles } from '../../src-main/lab/export/export-results'
import { SvgRecordingContext } from '../../src-shared/charts/svg-recording-context'
import { parseResults } from '../../src-main/store/results-file'
import { syntheticResults } from './lab-support/synthetic-results'
import { aggregateJobs } from '../../src-shared/results/aggregate'

/** Share of sampled pixels that are not white: a chart has lines, text and axes. */
async function inkShare(png: Buffer): Promise<{ width: number; height: number; ink: number }> {
  const img = await loadImage(png)
  const canvas = createCanvas(img.width, img.height)
  const ctx = canvas.getContext('2d')
  ctx.drawImage(img, 0, 0)
  const { data } = ctx.getImageData(0, 0, img.width, img.height)
  let ink = 0
  let samples = 0
  for (let i = 0; i < data.length; i += 4 * 37) {
    samples++
    if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++
  }
  return { width: img.width, height: img.height, ink: ink / samples }
}

describe('exports', () => {
  const results = syntheticResults(true)

  it('png: one file per available chart, the requested size, white background, not blank', async () => {
    const files = await exportFiles(results, 'png', { width: 640, height: 320, dpi: 192 })
    expect(files.map((f) => f.fileName)).toContain('latency-histogram.png')
    expect(files.map((f) => f.fileName)).toContain('sweep-metric.png')
    for (const f of files) {
      const { width, height, ink } = await inkShare(f.data)
      expect([width, height]).toEqual([1280, 640])
      expect(ink).toBeGreaterThan(0.005)
      expect(ink).toBeLessThan(0.6)
    }
  })

  it('svg: vector SVG written by the UI\'s recorder (same document head, labels as text, no bitmap)', async () => {
    const files = await exportFiles(results, 'svg', { width: 500, height: 300 })
    const head = new SvgRecordingContext(500, 300).toSvg().split('\n').slice(0, 2)
    for (const f of files) {
      const text = f.data.toString('utf8')
      expect(text.split('\n').slice(0, 2)).toEqual(head)
      expect(text.trimEnd().endsWith('</svg>')).toBe(true)
      expect(text).toMatch(/<text [^>]*dominant-baseline="[a-z-]+"[^>]*>[^<]+<\/text>/)
      expect(text).toContain('<path')
      expect(text).not.toContain('<image')
    }
    const percentiles = files.find((f) => f.fileName === 'latency-percentiles.svg')!.data.toString('utf8')
    expect(percentiles).toContain('>percentile (%)</text>')
  })

  it('csv: one file per table, header and rows', async () => {
    const files = await exportFiles(results, 'csv')
    const names = files.map((f) => f.fileName)
    expect(names).toEqual(['summary.csv', 'aggregates.csv', 'jobs.csv', 'histograms.csv', 'percentiles.csv', 'series.csv', 'housekeeping.csv', 'sweep.csv'])
    for (const f of files) {
      const lines = f.data.toString('utf8').trimEnd().split('\n')
      expect(lines.length).toBeGreaterThan(1)
      const columns = lines[0].split(',').length
      expect(lines[1].split(',').length).toBeGreaterThanOrEqual(columns)
    }
    const summary = files[0].data.toString('utf8').split('\n')
    expect(summary[0]).toBe('variant,sweep,seeds,failed,cancelled,misses,latencyP9999Ns,latencyMaxNs,drainP50Ns,drainP99Ns,drainMaxNs,stalled,skipped')
    expect(summary.filter((l) => l.startsWith('workqueue,'))).toHaveLength(2)
  })

  it('csv: housekeeping.csv has one row per job and housekeeping CPU; a job saved without perCpu adds none', async () => {
    const csvOf = async (doc: typeof results) => (await exportFiles(doc, 'csv')).find((f) => f.fileName === 'housekeeping.csv')!.data.toString('utf8').trimEnd().split('\n')
    const lines = await csvOf(results)
    expect(lines[0]).toBe('variant,sweep,seed,status,partial,cpu,fast_path_p50_ns,fast_path_p99_ns,fast_path_max_ns,zone_lock_wait_p50_ns,zone_lock_wait_p99_ns,zone_lock_wait_max_ns,fallbacks,fast_path_overhead_ns')
    // 8 jobs (2 sweep points × 2 variants × 2 seeds) × 2 housekeeping CPUs in the synthetic run
    expect(lines).toHaveLength(1 + 8 * 2)
    const job = results.jobs[0]
    const cpu1 = job.result!.housekeeping.perCpu![1]
    expect(lines[2]).toBe([job.variant, 'kernel.pcp.high=100', job.seed, job.status, job.result!.partial, 1, cpu1.allocFastPathNs.p50, cpu1.allocFastPathNs.p99, cpu1.allocFastPathNs.max,
      cpu1.zoneLockWaitNs.p50, cpu1.zoneLockWaitNs.p99, cpu1.zoneLockWaitNs.max, 2, 30].join(','))
    const old = syntheticResults(true)
    for (const j of old.jobs) delete j.result!.housekeeping.perCpu
    expect(await csvOf(old)).toEqual([lines[0]])
  })

  it('csv: no completed drain is an empty cell in jobs.csv, aggregates.csv and summary.csv alike, never 0 ns', async () => {
    const doc = syntheticResults()
    for (const j of doc.jobs.filter((j) => j.variant === 'workqueue')) {
      // what the engine writes for a run whose drains never completed: an empty distribution, zeros everywhere
      j.result!.drains.completed = 0
      Object.assign(j.result!.drains.durationNs, { count: 0, min: 0, mean: 0, p50: 0, p99: 0, p999: 0, p9999: 0, max: 0 })
    }
    doc.aggregates = aggregateJobs(doc.jobs)
    const files = await exportFiles(doc, 'csv')
    const table = (name: string) => {
      const [header, ...rows] = files.find((f) => f.fileName === name)!.data.toString('utf8').trimEnd().split('\n').map((l) => l.split(','))
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
    }
    const drainTimes = ['drainP50Ns', 'drainP99Ns', 'drainMaxNs']
    for (const file of ['jobs.csv', 'summary.csv']) {
      for (const row of table(file)) {
        for (const m of drainTimes) expect(row[m], `${file} ${row.variant} ${m}`).toEqual(row.variant === 'workqueue' ? '' : expect.stringMatching(/^[1-9]\d*(\.\d+)?$/))
        expect(row.misses).not.toBe('')
      }
    }
    for (const row of table('aggregates.csv').filter((r) => drainTimes.includes(r.metric))) {
      const cells = [row.mean, row.min, row.max, row.stddev]
      expect(cells, `aggregates.csv ${row.variant} ${row.metric}`).toEqual(row.variant === 'workqueue' ? ['', '', '', ''] : cells.map(() => expect.stringMatching(/^\d/)))
      expect(row.seeds).toBe('2')
    }
  })

  it('trace: Chrome trace events, one track per CPU, µs timestamps', async () => {
    const [file] = await exportFiles(results, 'trace')
    const trace = JSON.parse(file.data.toString('utf8')) as { traceEvents: Array<{ ph: string; name: string; pid: number; tid: number; ts?: number; dur?: number; args?: { name?: string } }> }
    const complete = trace.traceEvents.filter((e) => e.ph === 'X')
    expect(complete.length).toBeGreaterThan(0)
    expect(complete[0].ts).toBeCloseTo(399_990, 3)
    expect(complete[0].dur).toBeCloseTo(10, 3)
    const threads = trace.traceEvents.filter((e) => e.name === 'thread_name')
    expect(threads.filter((e) => e.pid === 1).map((e) => e.args?.name).sort()).toEqual(['CPU 0', 'CPU 3'])
  })

  it('html: self-contained report with the table, charts, worst case and the command', async () => {
    const [file] = await exportFiles(results, 'html', { command: 'npx drainlab run --preset x' })
    const html = file.data.toString('utf8')
    expect(html).toContain('<table class="grid">')
    expect((html.match(/src="data:image\/png;base64,/g) ?? []).length).toBeGreaterThanOrEqual(10)
    expect(html).toContain('npx drainlab run --preset x')
    expect(html).toContain('kworker')
    expect(html).not.toMatch(/<(script|link)\b/)
  })

  it('json: the results document, parseable by the results reader', async () => {
    const [file] = await exportFiles(results, 'json')
    expect(parseResults(file.data.toString('utf8'), 'x').jobs).toHaveLength(results.jobs.length)
  })
})

describe('html report escaping', () => {
  it('escapes every interpolated value, numbers included: a field turned string cannot inject markup', async () => {
    const results = syntheticResults()
    const run = results.jobs[0].result
    if (run?.worst == null) throw new Error('the synthetic run has a worst sample')
    // what a hand-edited results.json could hold if a number field ever became text
    const injected = '<img src=x onerror=alert(1)>'
    run.worst.cpu = injected as unknown as number
    run.seed = injected as unknown as number
    results.jobs[0].seed = injected as unknown as number
    const [file] = await exportFiles(results, 'html', { command: 'npx drainlab run p.json' })
    const html = file.data.toString('utf8')
    expect(html).not.toContain(injected)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
