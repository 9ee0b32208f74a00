// @vitest-environment happy-dom
// While a run goes, the Run view shows the overview cards of the jobs completed so far: fetched again
// when a job completes, not on every progress tick, labelled as live, gone once the run ends.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, type JobProgress, type LabEvent } from '../../src-shared/api'
import type { Variant } from '../../src-shared/profile/schema'
import { aggregateJobs } from '../../src-shared/results/aggregate'
import { INTERFERENCE_SOURCES, RESULTS_SCHEMA_VERSION, type DistributionNs, type ExperimentResults, type JobResult, type RunResult } from '../../src-shared/results/types'
import App from '../../src-renderer/src/App.vue'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { newProfile } from '../../src-renderer/src/design/new-profile'

/** A distribution whose every percentile is `ns`: the cards read only the summary. */
function flat(ns: number): DistributionNs {
  return { count: 10, min: ns, mean: ns, p50: ns, p99: ns, p999: ns, p9999: ns, max: ns, hdr: '' }
}

/** A run with `misses` deadline misses and drains of `drainNs`: enough for the overview cards. */
function runResult(variant: Variant, seed: number, misses: number, drainNs: number): RunResult {
  const window = { windowNs: 1e6, values: [0] }
  return {
    engineVersion: 'test', variant, seed,
    pcp: { managedPages: 1000, batch: 63, high: 378, highMax: 378, wmarkMin: 10, wmarkLow: 12, wmarkHigh: 15 },
    tasks: [{
      name: 'loop', cpu: 3, mode: 'periodic', deadlineNs: 1e6, activations: 100, misses, missRatio: misses / 100, longestMissRun: misses,
      latencyNs: flat(5000), responseNs: flat(200_000), slackNs: flat(800_000), maxLatencyPerWindowNs: window, missesPerWindow: window, fallbacks: 0
    }],
    drains: {
      requested: 10, completed: 10, skipped: 0, stalled: 0, pagesFreed: 100,
      durationNs: flat(drainNs), mutexWaitNs: flat(0), perTargetNs: flat(drainNs), targets: flat(4),
      bySource: {}, overTime: { tNs: [], values: [] }, oldestPendingNs: 0
    },
    interference: [{ cpu: 3, bySourceNs: Object.fromEntries(INTERFERENCE_SOURCES.map((s) => [s, 0])) as RunResult['interference'][number]['bySourceNs'] }],
    housekeeping: { allocFastPathNs: flat(100), zoneLockWaitNs: flat(0), fallbacks: 0, fastPathOverheadNs: 0 },
    strandedPages: { tNs: [0], values: [50] }, zoneFreePages: { tNs: [0], values: [900] },
    drainCpuNs: 0, worst: null, events: 1000, simulatedNs: 1e9, partial: false
  }
}

/** variant, seed, misses, drain time: in the lab's job order */
const JOBS: Array<[Variant, number, number, number]> = [['workqueue', 1, 4, 80_000], ['workqueue', 2, 6, 90_000], ['direct', 1, 0, 20_000], ['direct', 2, 1, 30_000]]
const jobs: JobResult[] = JOBS.map(([variant, seed, misses, drainNs]) => ({
  id: `${variant}-s${seed}`, variant, seed, sweepPoint: null, status: 'completed', result: runResult(variant, seed, misses, drainNs)
}))
const full: ExperimentResults = { schemaVersion: RESULTS_SCHEMA_VERSION, engineVersion: 'test', profile: newProfile(), jobs, aggregates: aggregateJobs(jobs) }

/** What the lab answers while the run goes: the first `done` jobs, marked in progress. */
function snapshotOf(done: number): ExperimentResults {
  const ended = full.jobs.slice(0, done)
  return { ...full, jobs: ended, aggregates: aggregateJobs(ended), inProgress: true }
}

function progressEvent(done: number) {
  const jobs: JobProgress[] = full.jobs.map((j, i) => ({
    id: j.id, variant: j.variant, seed: j.seed, sweepLabel: null,
    status: i < done ? 'completed' : i === done ? 'running' : 'queued',
    fraction: i < done ? 1 : i === done ? 0.4 : 0,
    eventsPerSec: i === done ? 1_000_000 : 0,
    etaMs: i === done ? 2000 : i < done ? 0 : null
  }))
  const counts = { queued: jobs.length - done - 1, running: 1, completed: done, failed: 0, cancelled: 0 }
  // as the lab sends it: the run's figures, and only the running job and those changed since the last event
  return { runId: 'r1', total: jobs.length, counts, jobs: jobs.filter((j) => j.status !== 'queued'), overall: { fraction: (done + 0.4) / full.jobs.length, etaMs: 5000, eventsPerSec: 1_000_000 } }
}

describe('live results in the Run view', () => {
  it('shows the cards of the completed jobs, refreshed when another job completes', async () => {
    localStorage.clear()
    const listeners = new Map<LabEvent, Array<(p: unknown) => void>>()
    const emit = async (event: LabEvent, payload: unknown) => {
      listeners.get(event)?.forEach((l) => l(payload))
      await flushPromises()
    }
    let done = 0
    const replies: Record<string, () => Promise<unknown>> = {
      hostInfo: async () => ({ host: 'browser', appVersion: '1', engineVersion: '1', nativeDialogs: false }),
      listPresets: async () => [], listHistory: async () => [], listRecentProfiles: async () => [],
      startRun: async () => ({ runId: 'r1' }),
      getResults: async () => (done === full.jobs.length ? full : snapshotOf(done))
    }
    const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(replies[m] ?? (async () => null))]))
    const on = (event: LabEvent, l: (p: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), l])
      return () => {}
    }
    setLabConnection({
      client: { ...methods, on } as never,
      kind: 'browser', endpoint: 'ws://127.0.0.1:1/lab',
      state: () => 'open',
      onStateChange: () => () => {},
      onCommand: () => () => {}
    })
    const wrapper = mount(App, { global: { plugins: [createPinia()] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="design-run"]').trigger('click')
    await flushPromises()
    const live = () => wrapper.find('[data-testid="run-live"]')

    await emit('runProgress', progressEvent(0))
    expect(methods.getResults).not.toHaveBeenCalled()
    expect(live().exists()).toBe(false)

    done = 1
    await emit('runProgress', progressEvent(1))
    expect(methods.getResults).toHaveBeenCalledTimes(1)
    expect(methods.getResults).toHaveBeenCalledWith({ runId: 'r1' })
    expect(wrapper.get('[data-testid="run-live-label"]').text()).toContain('1 of 4 jobs summed (the header counts the jobs done) — numbers so far')
    expect(live().find('[data-testid="overview-workqueue"]').text()).toContain('1 seed(s)')
    expect(live().find('[data-testid="overview-direct"]').exists()).toBe(false)

    // progress ticks with no newly completed job fetch nothing
    await emit('runProgress', progressEvent(1))
    await emit('runProgress', progressEvent(1))
    expect(methods.getResults).toHaveBeenCalledTimes(1)

    done = 3
    await emit('runProgress', progressEvent(3))
    expect(methods.getResults).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="run-live-label"]').text()).toContain('3 of 4 jobs summed')
    expect(live().find('[data-testid="overview-workqueue"]').text()).toContain('2 seed(s)')
    expect(live().find('[data-testid="overview-direct"]').text()).toContain('1 seed(s)')
    // workqueue's mean over its two seeds, direct's one seed so far
    expect(live().find('[data-testid="metric-workqueue-misses"]').text()).toBe('5')
    expect(live().find('[data-testid="metric-direct-misses"]').text()).toBe('0')

    // the end: the live cards go, the final results are loaded as before
    done = 4
    await emit('runFinished', { runId: 'r1', status: 'completed' })
    expect(live().exists()).toBe(false)
    expect(methods.getResults).toHaveBeenCalledTimes(3)
    expect(wrapper.get('[data-testid="run-summary"]').text()).toContain('direct')
    wrapper.unmount()
  })
})
