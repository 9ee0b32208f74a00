// The engine's version, recorded in every result: bump it when the model's semantics change.
// 0.4.1: the presets' results are unchanged (scripts/engine-identity.ts); profiles at the edges now differ:
// a periodic release whose timer wakes after the next period fires at once (it used to be queued in the
// past), and the housekeeping working set is taken from what the zone has left (no negative free pages).
// 0.4.2: a housekeeping CPU's bursts that stay on its own lists are drawn in closed form, not as events
// (model.md §5): the same process in distribution (tests/engine/local-run.test.ts), other draws, so every
// result with housekeeping load differs from 0.4.1 within its run-to-run spread; 10–14× fewer events on the heavy scenario.
// 0.5.0: each variant is a kernel release and takes its pcp tuning from it (src-shared/kernel/variant-traits.ts;
// kernel.pcp.autotune "release" by default: auto-tuning on for direct-chunked, 6.12); a commit that finds count ≥
// high runs one free_pcppages_bulk() sized by nr_pcp_free() (free_factor ≤ 6.6, free_count 6.7+), refills are
// nr_pcp_alloc() pages, high auto-tunes as nr_pcp_high() / nr_pcp_alloc() / decay_pcp_high() do it, a bulk free
// drains the freed list first and takes THP entries whole, and no list starts above its high (model.md §2).
// RT throttling on a nohz_full CPU charges a FIFO task's run only at the 1 Hz remote tick and when it leaves
// the CPU, and the anti-starvation policy defaults to the release's ("release": the fair server on 6.12).
// 0.6.0: the per-CPU flushes other than the pcp drain (model.md §10): lru_add_drain_all() / lru_cache_disable()
// (sources lru, and cma and offline after their drain), vmstat_shepherd() every second, drain_all_stock() (memcg),
// flush_all() (slab), each with its release's targets and its own interference source; a CPU's kworker runs its
// queued work items in order; kernel.preemptRt makes its work functions preemptible by the realtime task
// unless the task's job takes the same lock (model.md §3.1). Every result document differs from 0.5.0 (the
// flushes, the new interference keys; vmstat_update now runs on the housekeeping CPUs each second), but the
// presets' latencies, misses and drain figures did not move (model.md §10.5). machine.dmaZonesMiB and kernel.thp
// (off by default) give the watermarks a real x86-64 node's zones and THP minimum (model.md §2).
// 0.7.0: kswapd's balance_pgdat() before each reclaim drain sets ZONE_RECLAIM_ACTIVE (and 6.7+ ZONE_BELOW_HIGH) for
// the measured 0.4 ms, 27.7 ms before the drain (drain source kswapdLeadMs / kswapdBalanceMs); nr_pcp_high() caps
// the free path at batch << 2 then and 6.7+ lowers pcp->high to high_min (model.md §2.3). Presets with reclaim
// sources change (pages per drain −2 % to −22 % on the presets); with kswapdBalanceMs 0 every identity job is 0.6.0's.
// housekeeping.dma32Share (default 0) runs ZONE_DMA32's pcplists: drain_all_pages(NULL) empties every zone's (§2.4).
export const ENGINE_VERSION = '0.7.0'
