// The subtitle of Compare's overlay. Each run's chart says which of its variants coincide and how many of its
// values are 0 µs (drawn on the log axis's bottom line); the overlay used to drop those lines, so identical
// variants overlapped and a run's zeros lay on the bottom line without a word. Here each run's notes are kept,
// said for A or B, and variants whose data are the same in both runs are named too (B's dashes over A's line).
import { listed } from '@shared/charts/variant-styles'
import type { ChartConfiguration, ChartDataset } from 'chart.js'

const linesOf = (c: ChartConfiguration): string[] => {
  const text = c.options?.plugins?.subtitle?.text
  return (Array.isArray(text) ? text : [text ?? '']).filter((t): t is string => typeof t === 'string' && t !== '')
}

/** Variants drawn with the same data in both runs (before A's and B's labels are added). */
function sameInBoth(a: readonly ChartDataset[], b: readonly ChartDataset[]): string[] {
  const inB = new Map(b.map((d) => [d.label, JSON.stringify(d.data)]))
  return a.filter((d) => d.data.length > 0 && inB.get(d.label) === JSON.stringify(d.data)).map((d) => d.label ?? '')
}

/**
 * The overlay's subtitle lines: the charts' first line (what is drawn) once when both runs say the same, each
 * further line prefixed "A: ", "B: " or "A and B: ", then the variants whose data coincide across the runs.
 * `a` and `b` carry each dataset's data as drawn on the overlay (zeros on the common floor).
 */
export function overlayNotes(a: ChartConfiguration, b: ChartConfiguration, labelA: string, labelB: string,
  drawn: { a: readonly ChartDataset[]; b: readonly ChartDataset[] }): string[] {
  const [la, lb] = [linesOf(a), linesOf(b)]
  const head = la[0] !== undefined && la[0] === lb[0] ? [la[0]] : [...la.slice(0, 1).map((t) => `${labelA}: ${t}`), ...lb.slice(0, 1).map((t) => `${labelB}: ${t}`)]
  const [na, nb] = [la.slice(1), lb.slice(1)]
  const notes = [
    ...na.map((t) => (nb.includes(t) ? `${labelA} and ${labelB}: ${t}` : `${labelA}: ${t}`)),
    ...nb.filter((t) => !na.includes(t)).map((t) => `${labelB}: ${t}`)
  ]
  const same = sameInBoth(drawn.a, drawn.b)
  if (same.length > 0) notes.push(`${labelA} and ${labelB} coincide for ${listed(same)} (identical data): ${labelB}'s dashes drawn over ${labelA}'s line`)
  return [...head, ...notes]
}
