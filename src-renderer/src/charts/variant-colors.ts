// Fixed colours per kernel variant, the same on every chart and card (ux.md: "all variants overlaid in
// fixed colours"). Chosen to stay distinct for the common colour-vision deficiencies (Okabe–Ito).
import type { Variant } from '@shared/profile/schema'

const COLORS: Record<Variant, string> = {
  workqueue: '#D55E00',
  direct: '#0072B2',
  'direct-irqon': '#009E73',
  'direct-chunked': '#CC79A7'
}

export function variantColor(variant: string): string {
  return (COLORS as Record<string, string>)[variant] ?? '#888888'
}
