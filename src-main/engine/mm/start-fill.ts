// The pcplists at t = 0. A list at or above high does not stay so — the next free_unref_page_commit()
// trims it — so a start fill above high would be a bulk free at the CPU's first free, reported as if the
// workload had caused it (engine 0.4's start-up artefact). With 6.7+ auto-tuning high starts where the
// fill fits, as a list that grew that long had high raised with it (nr_pcp_high() / nr_pcp_alloc()), up to
// high_max; with high fixed the fill stops one page below high.
import type { PageAllocator } from './page-allocator'

/** The pages of `asked` that `cpu`'s lists can hold at rest; under auto-tuning, raises its high to hold them. */
export function startFillPages(k: PageAllocator, cpu: number, asked: number): number {
  const p = k.params
  const pcp = k.pcp
  const pages = Math.min(asked, Math.max(0, (p.autotune ? p.highMax : pcp.high[cpu]) - 1))
  if (p.autotune) pcp.high[cpu] = Math.max(pcp.high[cpu], Math.min(p.highMax, pages + pcp.batch))
  return pages
}
