// @vitest-environment happy-dom
// The Results view's live host facts: each worker's pinning and policy as the kernel reported them, and refused
// pinning or SCHED_FIFO as an alert naming the worker and the tool's error. The results here are a fixture
// (a hand-made live result, not a run): the refusals a real run records are checked in live-pin-refused.test.ts.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import LiveHostFacts from '../../src-renderer/src/components/LiveHostFacts.vue'
import { liveRefusals } from '../../src-shared/results/live-refusals'
import type { ExperimentResults, LiveCpu, LiveRunFacts, RunResult } from '../../src-shared/results/types'

const cpu = (over: Partial<LiveCpu>): LiveCpu => ({
  cpu: 0, role: 'housekeeping', hostCpu: 0, tid: 100, cpusAllowed: '0', pinned: true, fifoRequested: null, policy: 'SCHED_OTHER',
  workItemsRun: 0, refills: 0, bulkFrees: 0, allocFailures: 0, pcpCountAtEnd: 0, ...over
})

function fixture(cpus: LiveCpu[]): ExperimentResults {
  const live: LiveRunFacts = {
    host: { platform: 'linux', cpuModel: 'fixture CPU', cpuCount: 2, online: '0-1', isolated: '', nohzFull: null, cmdline: null },
    clockResolutionNs: 20, mapping: { isolatedOnIsolated: false, note: 'fixture mapping' }, cpus, antiStarvation: 'none',
    tokens: { total: 10, inZone: 10, onPcplists: 0, held: 0, lost: 0, duplicated: 0, misplaced: 0 }, workPendingAtEnd: [], terminatedWorkers: 0, notes: []
  }
  return { jobs: [{ id: 'direct-s1', variant: 'direct', seed: 1, sweepPoint: null, status: 'completed', result: { live } as RunResult }] } as unknown as ExperimentResults
}

describe('LiveHostFacts', () => {
  it('a run that got everything it asked for shows no alert', () => {
    const w = mount(LiveHostFacts, { props: { results: fixture([cpu({}), cpu({ cpu: 1, role: 'rt', hostCpu: 1, cpusAllowed: '1', fifoRequested: 50, policy: 'SCHED_FIFO' })]) } })
    expect(w.find('[data-testid="live-refusals"]').exists()).toBe(false)
    expect(w.text()).toContain('SCHED_FIFO')
  })

  it('refused pinning and SCHED_FIFO lead as an alert, naming the worker and the error', () => {
    const rt = cpu({ cpu: 1, role: 'rt', hostCpu: 7, cpusAllowed: '0-1', pinned: false, pinError: 'taskset: failed to set pid 9\'s affinity: Invalid argument', fifoRequested: 50, fifoError: 'chrt: failed to set pid 9\'s policy: Operation not permitted' })
    const w = mount(LiveHostFacts, { props: { results: fixture([cpu({}), rt]) } })
    const alert = w.get('[data-testid="live-refusals"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('direct-s1: CPU 1 (rt) not pinned to host CPU 7: taskset: failed to set pid 9\'s affinity: Invalid argument')
    expect(alert.text()).toContain('CPU 1 (rt) not SCHED_FIFO 50: chrt: failed to set pid 9\'s policy: Operation not permitted (ran SCHED_OTHER)')
    expect(w.get('[data-testid="live-job-direct-s1"]').text()).toContain('no — taskset')
  })

  it('liveRefusals names a drain source\'s requester by its source', () => {
    expect(liveRefusals({ cpus: [cpu({ role: 'drainer', source: 'reclaim', pinned: false, pinError: 'not Linux (darwin): no taskset or chrt' })] }))
      .toEqual(['the reclaim requester on CPU 0 not pinned to host CPU 0: not Linux (darwin): no taskset or chrt'])
  })
})
