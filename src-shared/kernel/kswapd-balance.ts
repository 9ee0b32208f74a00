// The kswapd balance that comes with each reclaim drain (engine: src-main/engine/workload/kswapd-balances.ts): kswapd's
// balance_pgdat() holds ZONE_RECLAIM_ACTIVE for kswapdBalanceMs, beginning kswapdLeadMs before the drain —
// the profile's values, or the medians measured on this project's VM under page-cache pressure
// (docs/model.md §2.3, scripts/reclaim/measure.sh): a balance lasted 0.4 ms, and a drain_all_pages() from
// direct reclaim came 27.7 ms after the last balance began (217 drains).
import type { DrainSource } from '../profile/schema'

export const KSWAPD_BALANCE_DEFAULT_MS = { lead: 27.7, balance: 0.4 } as const

/** The balance before each drain of `source`, null when it has none (not a reclaim source, or a 0 ms balance). */
export function kswapdBalanceOf(source: DrainSource): { leadMs: number, balanceMs: number } | null {
  if (source.kind !== 'reclaim') return null
  const leadMs = source.kswapdLeadMs ?? KSWAPD_BALANCE_DEFAULT_MS.lead
  const balanceMs = source.kswapdBalanceMs ?? KSWAPD_BALANCE_DEFAULT_MS.balance
  return balanceMs === 0 ? null : { leadMs, balanceMs }
}
