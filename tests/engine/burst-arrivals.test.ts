// A housekeeping CPU's bursts drawn ahead (BurstArrivals) come out in exactly the order, and with the
// times, that one event per burst on the event queue gives them — ties at the same nanosecond included.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { EventQueue } from '../../src-main/engine/sim/event-queue'
import { RandomStream } from '../../src-main/engine/sim/random-stream'
import { ALLOC, BurstArrivals, FREE } from '../../src-main/engine/workload/burst-arrivals'

/** The engine-0.4.1 way: each burst an event that schedules its chain's next one (the oracle). */
function perBurstEvents(allocMean: number, freeMean: number, seed: number, n: number): Array<[number, number, number]> {
  const q = new EventQueue()
  const streams = [new RandomStream(seed, 'a'), new RandomStream(seed, 'f')]
  const means = [allocMean, freeMean]
  const schedule = (kind: number, now: number) => {
    if (means[kind] === Infinity) return
    q.push(now + Math.max(1, Math.round(streams[kind].exponential(means[kind]))), kind)
  }
  schedule(ALLOC, 0)
  schedule(FREE, 0)
  const out: Array<[number, number, number]> = []
  while (out.length < n && q.pop()) {
    out.push([q.time, q.kind, q.pushedAt])
    schedule(q.kind, q.time)
  }
  return out
}

function drawnAhead(allocMean: number, freeMean: number, seed: number, n: number): Array<[number, number, number]> {
  const arrivals = new BurstArrivals(allocMean, freeMean, new RandomStream(seed, 'a'), new RandomStream(seed, 'f'))
  arrivals.start()
  const out: Array<[number, number, number]> = []
  while (out.length < n && arrivals.drawNext()) {
    // apply in uneven steps, so that the buffer moves and grows as it does in a run
    if (arrivals.tail - arrivals.head > 100) arrivals.shift(37)
    const slot = arrivals.tail - 1
    out.push([arrivals.times[slot], arrivals.kinds[slot], arrivals.pushedAts[slot]])
  }
  return out
}

describe('BurstArrivals', () => {
  it('orders and times the bursts as one event per burst does, ties included', () => {
    // means around a nanosecond make most bursts tie with the other chain's
    const mean = fc.oneof(fc.constantFrom(0.3, 1, 2, 1000, Infinity), fc.double({ min: 0.2, max: 50, noNaN: true }))
    fc.assert(fc.property(mean, mean, fc.integer({ min: 1, max: 1000 }), (allocMean, freeMean, seed) => {
      expect(drawnAhead(allocMean, freeMean, seed, 400)).toEqual(perBurstEvents(allocMean, freeMean, seed, 400))
    }), { numRuns: 60 })
  })
  it('draws nothing when neither chain has a rate', () => {
    const arrivals = new BurstArrivals(Infinity, Infinity, new RandomStream(1, 'a'), new RandomStream(1, 'f'))
    arrivals.start()
    expect(arrivals.drawNext()).toBe(false)
  })
})
