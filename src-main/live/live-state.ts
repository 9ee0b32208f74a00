// The live engine's shared memory: one SharedArrayBuffer every CPU worker maps. Every page is a token (an
// index) that lives in exactly one place — the zone's free store, one CPU's pcplist, or held by the task of
// one CPU — and where[token] says which. Each place is a stack of token indices with its length beside it,
// changed only under the lock that guards it in the kernel: the zone store under zone->lock, a pcplist under
// its pcp->lock, a CPU's held pages by its owner under its pcp->lock or zone->lock (see token-audit.ts).
//
// Int32 layout: the header, then one block of CPU_FIELDS words per CPU (struct per_cpu_pages and the
// workqueue's per-CPU work item), then the zone store, the pcplists, the held stacks and where[].

/** Header words. */
export const STOP = 0
export const STARTED = 1
export const ZONE_LOCK = 2
export const DRAIN_MUTEX = 3
export const ZONE_COUNT = 4
/** __drain_all_pages(): work items of the drain in flight not yet run (flush_work waits for 0). */
export const DRAIN_REMAINING = 5
/** pages the work items of the drain in flight freed */
export const DRAIN_PAGES = 6
const HEADER_WORDS = 7

/** Per-CPU fields, at cpuBase(cpu) + field. */
export const PCP_LOCK = 0
export const PCP_COUNT = 1
export const PCP_HIGH = 2
export const PCP_BATCH = 3
export const HELD_COUNT = 4
/** 1 while drain_local_pages_wq is queued on this CPU (queue_work_on), 0 once its kworker ran it. */
export const WORK_PENDING = 5
const CPU_FIELDS = 8

/** where[token] codes: the zone, or a CPU's pcplist or held pages. */
export const IN_ZONE = 0
export const inPcp = (cpu: number): number => 1 + cpu
export const heldBy = (cpus: number, cpu: number): number => 1 + cpus + cpu

export interface LiveLayout {
  cpus: number
  tokens: number
  /** room of each pcplist: high + batch (a free may push count to high before the bulk free) */
  pcpCapacity: number
  /** pages a CPU's task may hold at once */
  heldCapacity: number
}

/** Views over the shared buffer, built identically in every thread. */
export class LiveState {
  readonly words: Int32Array
  readonly zoneStore: Int32Array
  readonly where: Int32Array
  private readonly pcpLists: Int32Array[]
  private readonly heldLists: Int32Array[]

  constructor(readonly buffer: SharedArrayBuffer, readonly layout: LiveLayout) {
    const { cpus, tokens, pcpCapacity, heldCapacity } = layout
    let at = HEADER_WORDS + cpus * CPU_FIELDS
    const view = (length: number): Int32Array => {
      const v = new Int32Array(buffer, at * 4, length)
      at += length
      return v
    }
    this.words = new Int32Array(buffer, 0, HEADER_WORDS + cpus * CPU_FIELDS)
    this.zoneStore = view(tokens)
    this.pcpLists = Array.from({ length: cpus }, () => view(pcpCapacity))
    this.heldLists = Array.from({ length: cpus }, () => view(heldCapacity))
    this.where = view(tokens)
  }

  static bytesFor(layout: LiveLayout): number {
    return 4 * (HEADER_WORDS + layout.cpus * (CPU_FIELDS + layout.pcpCapacity + layout.heldCapacity) + 2 * layout.tokens)
  }

  /** A fresh state: every token in the zone store, every pcplist empty with its high and batch. */
  static create(layout: LiveLayout, pcp: { high: number; batch: number }): LiveState {
    const state = new LiveState(new SharedArrayBuffer(LiveState.bytesFor(layout)), layout)
    const w = state.words
    for (let t = 0; t < layout.tokens; t++) {
      state.zoneStore[t] = t
      state.where[t] = IN_ZONE
    }
    w[ZONE_COUNT] = layout.tokens
    for (let cpu = 0; cpu < layout.cpus; cpu++) {
      w[cpuBase(cpu) + PCP_HIGH] = pcp.high
      w[cpuBase(cpu) + PCP_BATCH] = pcp.batch
    }
    return state
  }

  pcpList(cpu: number): Int32Array {
    return this.pcpLists[cpu]
  }

  heldList(cpu: number): Int32Array {
    return this.heldLists[cpu]
  }

  field(cpu: number, f: number): number {
    return Atomics.load(this.words, cpuBase(cpu) + f)
  }

  stopped(): boolean {
    return Atomics.load(this.words, STOP) === 1
  }

  /** Ends the run: every loop reads STOP each iteration; sleepers are woken on every word they may sleep on. */
  stop(): void {
    Atomics.store(this.words, STOP, 1)
    for (let i = 0; i < this.words.length; i++) Atomics.notify(this.words, i)
  }
}

export function cpuBase(cpu: number): number {
  return HEADER_WORDS + cpu * CPU_FIELDS
}
