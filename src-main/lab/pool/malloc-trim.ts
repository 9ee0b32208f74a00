// Memory a process frees stays with it instead of going back to the kernel after every free. glibc's malloc
// returns the free memory at the top of a heap as soon as it passes M_TRIM_THRESHOLD, 128 KiB at start, and the
// next allocation there touches those pages afresh. A pool's threads free and reallocate large blocks all the
// time — V8 compiles the engine's functions in memory of its own, and each HDR histogram's export is a
// deflateSync() whose zlib state is ~256 KiB (Node's zlib docs, "Memory usage tuning"; a small input touches ~25
// of its pages afresh per call here) — so on a VM where a page's first touch costs ~16 µs (the machine of
// BENCHMARKS.md) a heavy `drainlab run` took ~6,400 of its ~26,000 page faults that way, and 150 deflateSync()
// calls took 71 ms instead of 17.
//
// Node has no mallopt(). But glibc's thresholds are dynamic (mallopt(3), M_MMAP_THRESHOLD): freeing a block it
// had mmap()ed raises the mmap threshold to that block's size and the trim threshold to twice it, for every
// thread of the process. So freeing one such block once is enough: Node encodes base64 into a block it
// malloc()s and, below ~1 MB of text, copies into a V8 string and frees at once. It costs what encoding 700 KiB
// does (~11 ms here, mostly first touches); elsewhere (musl, macOS, Windows) it changes nothing else.

/** encodes to ~933 KiB of base64: a block mmap()ed (above 128 KiB) and freed at once (below Node's ~1 MB external-string limit); less left more of the faults (a heavy run: 192 KiB ~25,400, 384 KiB ~23,300, these 700 ~20,000, none ~26,000) */
const BYTES = 700 * 1024

let raised = false

/** Raises glibc's trim threshold to ~1.9 MiB for the whole process (see above). Once is enough; later calls do nothing. */
export function raiseMallocTrimThreshold(): void {
  if (raised) return
  raised = true
  Buffer.alloc(BYTES).toString('base64')
}
