// zone->lock, each pcp->lock and pcpu_drain_mutex as words of shared memory (Int32Array over a
// SharedArrayBuffer), after the kernel's queued spinlock and mutex: 0 free, 1 held. A JavaScript thread
// cannot disable preemption or IRQs, so a waiter spins a bounded number of times and then sleeps on the word
// (Atomics.wait, a futex) with a short timeout: a holder descheduled by the host cannot make its waiters burn
// a CPU for long, and a waiter sees the run's stop flag within SLEEP_MS.
const FREE = 0
const HELD = 1
/** CAS attempts before the first sleep: a pcp critical section is a few hundred ns of work. */
const SPINS = 200
const SLEEP_MS = 1

/** spin_trylock(): one compare-and-swap, true when taken. */
export function spinTrylock(words: Int32Array, index: number): boolean {
  return Atomics.compareExchange(words, index, FREE, HELD) === FREE
}

/**
 * spin_lock(): returns true once held, false when `stopped()` turned true while waiting (the run is ending:
 * a waiter must not outlive it). `stopped` is read only after the spins, so an uncontended lock costs one CAS.
 */
export function spinLock(words: Int32Array, index: number, stopped: () => boolean = () => false): boolean {
  for (;;) {
    for (let i = 0; i < SPINS; i++) {
      if (spinTrylock(words, index)) return true
    }
    if (stopped()) return false
    Atomics.wait(words, index, HELD, SLEEP_MS)
  }
}

/** spin_unlock(): release, and wake one sleeping waiter (the others wake on their timeout or the next unlock). */
export function spinUnlock(words: Int32Array, index: number): void {
  Atomics.store(words, index, FREE)
  Atomics.notify(words, index, 1)
}
