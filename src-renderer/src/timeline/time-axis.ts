// Ticks of the timeline's shared time axis: 1-2-5 steps, about one per `pixelsPerTick`, labelled in the
// unit (ns, µs, ms, s) that shows the step in at most two decimals — deep in a long run "3750.2 ms", not
// a rounded "3.75 s" on every tick.
export interface Tick {
  ns: number
  label: string
}

const UNITS: ReadonlyArray<readonly [number, string]> = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs'], [1, 'ns']]

export function timeTicks(fromNs: number, toNs: number, widthPx: number, pixelsPerTick = 90): Tick[] {
  const span = toNs - fromNs
  if (!(span > 0) || widthPx <= 0) return []
  const rough = Math.max(1, (span * pixelsPerTick) / widthPx)
  const decade = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= rough) ?? 10 * decade
  const [unit, name] = UNITS.find(([u]) => step >= u / 100) ?? UNITS[UNITS.length - 1]
  const decimals = Math.max(0, Math.ceil(-Math.log10(step / unit) - 1e-9))
  const ticks: Tick[] = []
  for (let k = Math.ceil(fromNs / step); k * step <= toNs; k++) ticks.push({ ns: k * step, label: `${(k * step / unit).toFixed(decimals)} ${name}` })
  return ticks
}
