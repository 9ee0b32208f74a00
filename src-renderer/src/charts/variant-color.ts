// The shared fixed colour of a variant (src-shared/charts), for the bits of UI that are not charts.
import { VARIANT_COLORS } from '@shared/charts/variant-colors'

export function variantColor(variant: string): string {
  return (VARIANT_COLORS as Record<string, string>)[variant] ?? '#888888'
}
