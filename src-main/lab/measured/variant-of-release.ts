// The model's kernel variant a real kernel release behaves as (docs/model.md: drain_all_pages() through
// the workqueue up to 5.19; 6.0–6.1 drain remote lists directly with IRQs off; 6.2–6.9 with IRQs on;
// 6.10+ in chunks of batch << CONFIG_PCP_BATCH_SCALE_MAX). A measured run is filed under it, so Compare
// puts it beside the simulation of the same kernel.
import type { Variant } from '../../../src-shared/profile/schema'

export function variantOfRelease(release: string): Variant | null {
  const m = /^(\d+)\.(\d+)/.exec(release.trim())
  if (m === null) return null
  const major = Number(m[1])
  const minor = Number(m[2])
  if (major < 6) return 'workqueue'
  if (major > 6 || minor >= 10) return 'direct-chunked'
  if (minor >= 2) return 'direct-irqon'
  return 'direct'
}
