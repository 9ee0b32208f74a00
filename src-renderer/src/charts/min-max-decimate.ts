// Min-max decimation of the visible x range: per pixel column keep the lowest and the highest point,
// in x order, so a one-sample spike survives at any zoom. Chart.js's own decimation runs once on the
// full data and is not redone after a zoom; this is run again for every zoom and pan.

export interface SeriesColumns {
  /** ascending x */
  x: Float64Array
  /** NaN where the source had null (a gap) */
  y: Float64Array
}

export interface Point {
  x: number
  y: number | null
}

export function toColumns(points: ReadonlyArray<{ x: number; y: number | null }>): SeriesColumns {
  const sorted = points.every((p, i) => i === 0 || points[i - 1].x <= p.x) ? points : [...points].sort((a, b) => a.x - b.x)
  const x = new Float64Array(sorted.length)
  const y = new Float64Array(sorted.length)
  sorted.forEach((p, i) => {
    x[i] = p.x
    y[i] = p.y === null || !Number.isFinite(p.y) ? Number.NaN : p.y
  })
  return { x, y }
}

/** First index with x >= value. */
function lowerBound(x: Float64Array, value: number): number {
  let lo = 0
  let hi = x.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (x[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The points to draw for [xMin, xMax] on `columns` pixel columns: all of them when they fit, else
 * per column its min and max (and gaps kept as gaps). One point beyond each edge is included so the
 * line runs to the border of the plot.
 */
export function decimateMinMax(series: SeriesColumns, xMin: number, xMax: number, columns: number): Point[] {
  const { x, y } = series
  if (x.length === 0) return []
  if (!Number.isFinite(xMin)) xMin = x[0]
  if (!Number.isFinite(xMax)) xMax = x[x.length - 1]
  const from = Math.max(0, lowerBound(x, xMin) - 1)
  const to = Math.min(x.length, lowerBound(x, xMax) + 1)
  const count = to - from
  const out: Point[] = []
  const point = (i: number): Point => ({ x: x[i], y: Number.isNaN(y[i]) ? null : y[i] })
  if (count <= columns * 2) {
    for (let i = from; i < to; i++) out.push(point(i))
    return out
  }
  const span = xMax - xMin || 1
  const cols = Math.max(1, Math.floor(columns))
  let i = from
  while (i < to) {
    const column = Math.min(cols - 1, Math.max(0, Math.floor(((x[i] - xMin) / span) * cols)))
    let minI = -1
    let maxI = -1
    let gap = false
    let j = i
    for (; j < to; j++) {
      const c = Math.min(cols - 1, Math.max(0, Math.floor(((x[j] - xMin) / span) * cols)))
      if (c !== column) break
      const v = y[j]
      if (Number.isNaN(v)) { gap = true; continue }
      if (minI < 0 || v < y[minI]) minI = j
      if (maxI < 0 || v > y[maxI]) maxI = j
    }
    if (minI >= 0) {
      const [a, b] = minI <= maxI ? [minI, maxI] : [maxI, minI]
      out.push(point(a))
      if (b !== a) out.push(point(b))
    }
    if (gap) out.push({ x: x[j - 1], y: null })
    i = j
  }
  return out
}
