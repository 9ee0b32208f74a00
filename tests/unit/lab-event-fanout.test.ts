// The one event fan-out both hosts use: every current target gets each event, a target that is behind
// skips progress snapshots but never a run's end, and unsubscribing stops it all.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { LabClient, RunProgress } from '../../src-shared/api'
import { fanOutLabEvents, type LabEventMessage } from '../../src-main/lab/lab-event-fanout'

function emittingLab() {
  const emitter = new EventEmitter()
  const on: LabClient['on'] = (event, listener) => {
    emitter.on(event, listener)
    return () => emitter.off(event, listener)
  }
  return { lab: { on }, emitter }
}

interface Target { name: string; behind: boolean; open: boolean }

const progress: RunProgress = { runId: 'r1', total: 0, counts: { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }, jobs: [], overall: { fraction: 0.5, etaMs: null, eventsPerSec: 0 } }

describe('lab event fan-out', () => {
  it('delivers each event to the targets open at that moment, skipping progress for one that is behind', () => {
    const { lab, emitter } = emittingLab()
    const targets: Target[] = [{ name: 'a', behind: false, open: true }, { name: 'b', behind: true, open: true }, { name: 'c', behind: false, open: false }]
    const delivered: Array<[string, LabEventMessage]> = []
    const stop = fanOutLabEvents(lab, {
      current: () => targets.filter((t) => t.open),
      deliver: (target, message) => delivered.push([target.name, message]),
      isBehind: (target) => target.behind
    })
    emitter.emit('runProgress', progress)
    emitter.emit('runFinished', { runId: 'r1', status: 'completed' })
    expect(delivered).toEqual([
      ['a', { event: 'runProgress', payload: progress }],
      ['a', { event: 'runFinished', payload: { runId: 'r1', status: 'completed' } }],
      ['b', { event: 'runFinished', payload: { runId: 'r1', status: 'completed' } }]
    ])
    targets[2].open = true
    emitter.emit('runProgress', progress)
    expect(delivered.slice(3).map(([name]) => name)).toEqual(['a', 'c'])
    stop()
    expect(emitter.listenerCount('runProgress') + emitter.listenerCount('runFinished')).toBe(0)
  })

  it('sends progress to every target when the host has no notion of being behind', () => {
    const { lab, emitter } = emittingLab()
    const delivered: string[] = []
    fanOutLabEvents(lab, { current: () => ['w1', 'w2'], deliver: (target) => delivered.push(target) })
    emitter.emit('runProgress', progress)
    expect(delivered).toEqual(['w1', 'w2'])
  })
})
