// The window recorded on request (Results → Timeline "Record this window"): the newest request's answer is
// the one kept, an answer still on its way after "Stored timeline" is dropped, and the window belongs to the
// run and job it was recorded for only.
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { LAB_METHODS, LabError } from '../../src-shared/api'
import type { RunTimeline } from '../../src-shared/results/types'
import { setLabConnection } from '../../src-renderer/src/api/lab-instance'
import { useTimelineWindowsStore } from '../../src-renderer/src/stores/timeline-windows'

const timeline = (fromNs: number): RunTimeline => ({
  kinds: [], cpus: [], windows: [{ reason: 'requested', fromNs, untilNs: fromNs + 1000, truncated: false }], capRecords: 200_000,
  drainSources: [], count: 0, columns: { cpu: '', kind: '', startNs: '', durationNs: '', drain: '' }
})

function labAnswering(): Map<number, { resolve: (t: RunTimeline) => void; reject: (e: unknown) => void }> {
  const answers = new Map<number, { resolve: (t: RunTimeline) => void; reject: (e: unknown) => void }>()
  const recordTimelineWindow = vi.fn((req: { fromNs: number }) => new Promise<RunTimeline>((resolve, reject) => answers.set(req.fromNs, { resolve, reject })))
  const methods = Object.fromEntries(LAB_METHODS.map((m) => [m, vi.fn(async () => null)]))
  setLabConnection({
    client: { ...methods, recordTimelineWindow, on: () => () => {} } as never,
    kind: 'electron', endpoint: 'ipc', state: () => 'open', onStateChange: () => () => {}, onCommand: () => () => {}
  })
  setActivePinia(createPinia())
  return answers
}

describe('timeline windows store', () => {
  it('keeps the newest request\'s window when an earlier one answers after it, for its run and job only', async () => {
    const answers = labAnswering()
    const store = useTimelineWindowsStore()
    const first = store.record('r1', 'workqueue-s1', 1000, 2000)
    const second = store.record('r1', 'workqueue-s1', 5000, 6000)
    answers.get(5000)!.resolve(timeline(5000))
    expect(await second).toBe(true)
    answers.get(1000)!.resolve(timeline(1000))
    expect(await first).toBe(false)
    expect(store.timelineOf('r1', 'workqueue-s1')?.windows[0].fromNs).toBe(5000)
    expect(store.timelineOf('r1', 'direct-s1')).toBeNull()
    expect(store.timelineOf('r2', 'workqueue-s1')).toBeNull()
    expect(store.recording).toBe(false)
  })

  it('drops an answer that arrives after "Stored timeline", and keeps a refusal as its error', async () => {
    const answers = labAnswering()
    const store = useTimelineWindowsStore()
    const pending = store.record('r1', 'workqueue-s1', 1000, 2000)
    expect(store.recording).toBe(true)
    store.forget()
    answers.get(1000)!.resolve(timeline(1000))
    expect(await pending).toBe(false)
    expect(store.recorded).toBeNull()

    const refused = store.record('r1', 'workqueue-s1', 3000, 2000)
    answers.get(3000)!.reject(new LabError('invalid-request', 'untilNs: 2000 ns is not after fromNs (3000 ns)'))
    expect(await refused).toBe(false)
    expect(store.error).toEqual({ code: 'invalid-request', message: 'untilNs: 2000 ns is not after fromNs (3000 ns)' })
  })
})
