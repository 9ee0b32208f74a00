// The trace export of real model runs: Chrome trace-event JSON with a track per CPU across the run, slices
// with their cause, instants, and a flow arrow from each drain request to its work on every target CPU, a
// zone drain's wait for pcpu_drain_mutex on its requester's drain_all_pages() calls track;
// and the results schema accepts the run timeline it is made from.
import { describe, expect, it } from 'vitest'
import { validateProfile } from '../../src-shared/profile/validate'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { experimentResultsSchema } from '../../src-shared/results/results-schema'
import { RESULTS_SCHEMA_VERSION, type ExperimentResults, type JobResult } from '../../src-shared/results/types'
import { runModel } from '../../src-main/engine/run-model'
import { exportFiles } from '../../src-main/lab/export/export-results'

interface Event { name: string; ph: string; pid: number; tid: number; ts?: number; dur?: number; id?: number; cat?: string; args?: Record<string, unknown> }

function modelResults(): ExperimentResults {
  const checked = validateProfile({
    schemaVersion: 1,
    name: 'Trace',
    machine: { cpus: 4, isolated: '2-3' },
    kernel: { variants: ['workqueue', 'direct'] },
    rtTasks: [2, 3].map((cpu) => ({ name: `loop${cpu}`, cpu, mode: 'periodic' as const, periodUs: 1000, runtimeUs: 200, allocsPerJob: 16, initialPcpPages: 400 })),
    // compaction's zone requests often find pcpu_drain_mutex held, and wait
    drainSources: [{ kind: 'reclaim', ratePerSec: 50 }, { kind: 'compaction', ratePerSec: 2000 }],
    run: { durationMs: 100, warmupMs: 10 }
  })
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues))
  const profile = checked.profile
  const jobs: JobResult[] = profile.kernel.variants.map((variant) => ({
    id: `${variant}-s1`, variant, seed: 1, sweepPoint: null, status: 'completed', result: runModel(profile, variant, 1)
  }))
  return { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile, jobs, aggregates: aggregateJobs(jobs) }
}

describe('trace export of the run timeline', () => {
  const results = modelResults()

  it('the results schema accepts the run timeline and refuses a column of the wrong length', () => {
    expect(experimentResultsSchema.safeParse(results).success).toBe(true)
    const damaged = structuredClone(results)
    damaged.jobs[0].result!.timeline!.count++
    const parsed = experimentResultsSchema.safeParse(damaged)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0].path.join('.')).toBe('jobs.0.result.timeline')
  })

  it('parses, has a process per variant and a track per CPU across the run, with causes, instants and drain flows', async () => {
    const [file] = await exportFiles(results, 'trace')
    expect(file.fileName).toBe('timeline.trace.json')
    const trace = JSON.parse(file.data.toString('utf8')) as { traceEvents: Event[] }
    const events = trace.traceEvents
    const processes = events.filter((e) => e.name === 'process_name').map((e) => [e.pid, e.args?.name])
    expect(processes).toEqual([[1, 'workqueue (seed 1)'], [2, 'direct (seed 1)']])
    for (const [pid, variant] of [[1, 'workqueue'], [2, 'direct']] as const) {
      const mine = events.filter((e) => e.pid === pid)
      const tracks = new Map(mine.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args?.name]))
      for (const cpu of [0, 1]) expect(tracks.get(cpu)).toBe(`CPU ${cpu} (housekeeping)`)
      for (const cpu of [2, 3]) {
        expect(tracks.get(cpu)).toBe(`CPU ${cpu} (isolated)`)
        const slices = mine.filter((e) => e.ph === 'X' && e.tid === cpu)
        // across the run: the task runs in the first and in the last period
        expect(Math.min(...slices.map((e) => e.ts!))).toBeLessThan(1000)
        expect(Math.max(...slices.map((e) => e.ts! + e.dur!))).toBeGreaterThan(99_000)
        expect(mine.filter((e) => e.ph === 'i' && e.tid === cpu && e.cat === 'release')).toHaveLength(100)
      }
      // every flow starts at a drain request and ends at a later slice of drain work, on the target's track
      const starts = new Map(mine.filter((e) => e.ph === 's').map((e) => [e.id, e]))
      const ends = mine.filter((e) => e.ph === 'f')
      expect(ends.length).toBeGreaterThan(0)
      expect(ends.length).toBe(starts.size)
      const work = mine.filter((e) => e.ph === 'X' && e.args?.drain !== undefined && e.cat !== 'drain-request')
      for (const end of ends) {
        expect(end.ts!).toBeGreaterThanOrEqual(starts.get(end.id)!.ts!)
        expect(work.some((w) => w.tid === end.tid && w.ts === end.ts)).toBe(true)
      }
      const waits = mine.filter((e) => e.ph === 'X' && e.cat === 'drain-mutex-wait')
      expect(waits.length, variant).toBeGreaterThan(0)
      for (const w of waits) expect(tracks.get(w.tid)).toMatch(/^CPU \d drain_all_pages\(\) calls$/)
      const targets = new Set(ends.map((e) => tracks.get(e.tid)))
      if (variant === 'workqueue') {
        expect(targets).toContain('CPU 2 (isolated)')
        expect(work.some((w) => w.tid === 2 && w.cat === 'kworker-drain' && w.args?.cause === 'drain-irqoff')).toBe(true)
      } else {
        expect(targets).toContain('CPU 2 pcp->lock held by a remote drainer')
        expect(work.some((w) => w.cat === 'kworker-drain')).toBe(false)
      }
    }
  })
})
