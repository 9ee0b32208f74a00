// One colour per kernel variant, the same on screen and in every export. Okabe–Ito palette: distinct
// under the common colour-vision deficiencies (deuteranopia, protanopia, tritanopia) and in greyscale order.
import type { Variant } from '../profile/schema'

export const VARIANT_COLORS: Readonly<Record<Variant, string>> = {
  workqueue: '#E69F00', // orange: the ≤5.19 kworker path
  direct: '#0072B2', // blue: 6.0+ remote drain
  'direct-irqon': '#009E73', // bluish green
  'direct-chunked': '#CC79A7' // reddish purple
}

/** The variant colour with an alpha, for fills under lines and bars. */
export function variantFill(variant: Variant, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255).toString(16).padStart(2, '0')
  return `${VARIANT_COLORS[variant]}${a}`
}
