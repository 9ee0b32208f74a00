// The owners' own pcplist activity that the engine advances lazily (the housekeeping load's bursts
// between two contacts with another CPU, workload/housekeeping-load.ts). Whoever reads or changes
// another CPU's lists or locks — a drain, a sample, the vmstat worker, the end of the run — brings that CPU up to date
// first and says afterwards what it changed, so that every owner operation sees the state the
// event-per-burst engine would have shown it.
export interface OwnerActivity {
  /** Applies `cpu`'s owner operations that run before the event being handled at `now`. */
  catchUp(cpu: number, now: number): void
  /** catchUp() for every CPU. */
  catchUpAll(now: number): void
  /** Another CPU changed `cpu`'s lists or pcp->lock at `now`: the owner's next operations see it. */
  listsChanged(cpu: number, now: number): void
}
