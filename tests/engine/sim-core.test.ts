// The discrete-event core: event queue order and tie-break, registered handlers, cancellable timers, seeded streams, the clock.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EventQueue } from '../../src-main/engine/sim/event-queue'
import { RandomStream } from '../../src-main/engine/sim/random-stream'
import { SimClock } from '../../src-main/engine/sim/sim-clock'
import { Timer } from '../../src-main/engine/sim/timer'
import { TimerSet } from '../../src-main/engine/sim/timer-set'
import { ReleaseQueue } from '../../src-main/engine/workload/release-queue'

describe('EventQueue', () => {
  it('pops in time order, simultaneous events in scheduling order', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
      const q = new EventQueue(2)
      times.forEach((t, i) => q.push(t, 0, i))
      const out: Array<[number, number]> = []
      while (q.pop()) out.push([q.time, q.arg])
      const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
      expect(out).toEqual(expected)
    }))
  })
  it('pops nothing when empty, and nothing at or after the limit', () => {
    const q = new EventQueue()
    expect(q.pop()).toBe(false)
    q.push(10, 0, 1)
    expect(q.popBefore(10)).toBe(false)
    expect(q.popBefore(11)).toBe(true)
    expect([q.time, q.arg]).toEqual([10, 1])
    expect(q.pop()).toBe(false)
  })
})

describe('RandomStream', () => {
  it('is reproducible per (seed, name) and independent across names', () => {
    const a = new RandomStream(7, 'drain:0')
    const b = new RandomStream(7, 'drain:0')
    const c = new RandomStream(7, 'drain:1')
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
  })
  it('draws uniforms in [0, 1) with the right mean, exponentials with the right mean', () => {
    const s = new RandomStream(1, 'x')
    let sum = 0
    let expSum = 0
    const n = 20000
    for (let i = 0; i < n; i++) {
      const u = s.next()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      sum += u
      expSum += s.exponential(10)
    }
    // 5 standard errors
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n))
    expect(Math.abs(expSum / n - 10)).toBeLessThan(5 * (10 / Math.sqrt(n)))
  })
})

describe('SimClock', () => {
  it('refuses to go backwards', () => {
    const c = new SimClock()
    c.advanceTo(5)
    expect(() => c.advanceTo(4)).toThrow(/backwards/)
  })
})

describe('ReleaseQueue', () => {
  it('keeps released jobs in order across growth and wrap-around', () => {
    const q = new ReleaseQueue()
    const out: number[] = []
    for (let i = 0; i < 10; i++) q.push(i, i * 10)
    for (let i = 0; i < 5; i++) if (q.shift()) out.push(q.releaseNs)
    for (let i = 10; i < 40; i++) q.push(i, i * 10)
    while (q.shift()) {
      expect(q.timerNs).toBe(q.releaseNs * 10)
      out.push(q.releaseNs)
    }
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i))
    expect(q.length).toBe(0)
  })
})

describe('Timer', () => {
  it('a cancelled or rescheduled expiry is dropped when its event comes out of the queue', () => {
    const q = new EventQueue(4)
    const fired: number[] = []
    const timer = new Timer(q, (_, now) => fired.push(now), null)
    timer.schedule(10)
    timer.schedule(20)
    timer.schedule(30)
    timer.cancel()
    timer.schedule(40)
    while (q.pop()) q.dispatchPopped()
    expect(fired).toEqual([40])
  })
})

describe('TimerSet', () => {
  it('each timer fires alone, and only its last schedule; cancelling one leaves the others', () => {
    const q = new EventQueue(4)
    const fired: string[] = []
    const timers = new TimerSet(q, 3, (_, index, now) => fired.push(`${index}@${now}`), null)
    timers.schedule(0, 10)
    timers.schedule(1, 15)
    timers.schedule(2, 5)
    timers.schedule(0, 30)
    timers.cancel(2)
    timers.schedule(1, 20)
    while (q.pop()) q.dispatchPopped()
    expect(fired).toEqual(['1@20', '0@30'])
  })
})

describe('TimerSets attached to the queue', () => {
  // the reference: every timer's expiry an event in the heap, a rescheduled or cancelled one dropped when it comes out (as Timer does)
  type Op = { kind: 'push'; at: number } | { kind: 'schedule'; set: number; index: number; at: number } | { kind: 'cancel'; set: number; index: number } | { kind: 'pop' }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('push' as const), at: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('schedule' as const), set: fc.integer({ min: 0, max: 1 }), index: fc.integer({ min: 0, max: 3 }), at: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('cancel' as const), set: fc.integer({ min: 0, max: 1 }), index: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ kind: fc.constant('pop' as const) })
  )

  function run(ops: Op[], attached: boolean): string[] {
    const q = new EventQueue(2)
    const out: string[] = []
    // times only grow, as the simulation's do: nothing is scheduled before the last event run (a stale one is not run)
    let now = 0
    const ran = (event: string, t: number) => {
      out.push(`${event}@${t}`)
      now = t
    }
    const plain = q.register((_, t, arg) => ran(`e${arg}`, t), null)
    const sets = [0, 1].map((set) => {
      if (attached) return new TimerSet(q, 5, (_, index, t) => ran(`s${set}.${index}`, t), null)
      const ids = new Int32Array(5)
      const kind = q.register((_, t, index, id) => { if (id === ids[index]) ran(`s${set}.${index}`, t) }, null)
      return { schedule: (index: number, at: number) => q.push(at, kind, index, ++ids[index]), cancel: (index: number) => { ids[index]++ } }
    })
    ops.forEach((o, i) => {
      if (o.kind === 'push') q.push(now + o.at, plain, i)
      else if (o.kind === 'schedule') sets[o.set].schedule(o.index, now + o.at)
      else if (o.kind === 'cancel') sets[o.set].cancel(o.index)
      else {
        // one event run: the stale expiries the reference pops on the way run nothing
        const before = out.length
        while (out.length === before && q.pop()) q.dispatchPopped()
      }
    })
    while (q.pop()) q.dispatchPopped()
    return out
  }

  it('run every expiry in the order the heap alone would, simultaneous ones in scheduling order with the other events', () => {
    fc.assert(fc.property(fc.array(op, { minLength: 10, maxLength: 150, size: 'max' }), (ops) => {
      expect(run(ops, true)).toEqual(run(ops, false))
    }), { seed: 5, numRuns: 500 })
  })
})

describe('registered handlers', () => {
  it('each kind runs its own handler with the event\'s time and arguments', () => {
    const q = new EventQueue(2)
    const seen: string[] = []
    const a = q.register((target, now, arg, arg2) => seen.push(`${target} ${now} ${arg} ${arg2}`), 'a')
    const b = q.register((target, now, arg) => seen.push(`${target} ${now} ${arg}`), 'b')
    q.push(5, b, 1)
    q.push(5, a, 2, 3)
    q.push(1, a, 4)
    while (q.pop()) q.dispatchPopped()
    expect(seen).toEqual(['a 1 4 0', 'b 5 1', 'a 5 2 3'])
  })
})
