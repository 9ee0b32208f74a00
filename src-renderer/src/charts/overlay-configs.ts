// Two runs on one chart for Compare: run A's datasets drawn solid, run B's dashed, labels prefixed, so
// the same variant colour means the same kernel in both. Point (x/y) charts only: category charts of
// two runs do not share their categories.
import { tableOf, type ChartTable } from '@shared/charts/chart-table'
import type { ChartConfiguration, ChartDataset } from 'chart.js'
import { overlayNotes } from './overlay-notes'

/** Both runs' tables under a run column; tables whose columns differ (other variants) cannot be stacked. */
function overlayTable(a: ChartTable | undefined, b: ChartTable | undefined, labelA: string, labelB: string): ChartTable | undefined {
  if (!a || !b || a.header.join('\u0000') !== b.header.join('\u0000')) return undefined
  return { header: ['run', ...a.header], rows: [...a.rows.map((r) => [labelA, ...r]), ...b.rows.map((r) => [labelB, ...r])] }
}

type BandPoint = { x: number; y: number; value?: number }
type YAxis = { min?: unknown; ticks?: unknown }

const yOf = (c: ChartConfiguration) => (c.options?.scales as Record<string, YAxis> | undefined)?.y
/** A chart that draws zeros on its log axis's bottom line (src-shared/charts/zero-band.ts): they carry `value`. */
const hasZeroPoints = (c: ChartConfiguration) => c.data.datasets.some((d) => d.data.some((p) => typeof p === 'object' && p !== null && 'value' in p))

/**
 * A fixed y minimum of both runs: the lower one, so neither run's data is cut off; when either run draws zeros
 * on its bottom line, that run's ticks (the line labelled 0) and every zero point moved onto the common floor.
 */
function commonFloor(a: ChartConfiguration, b: ChartConfiguration): { min: number; ticks: unknown; zeros: boolean } | undefined {
  const [ya, yb] = [yOf(a), yOf(b)]
  if (typeof ya?.min !== 'number' || typeof yb?.min !== 'number') return undefined
  const zeros = hasZeroPoints(a) || hasZeroPoints(b)
  const ticks = zeros && !hasZeroPoints(a) ? yb.ticks : ya.ticks
  return { min: Math.min(ya.min, yb.min), ticks, zeros }
}

export function isPointChart(config: ChartConfiguration): boolean {
  return config.data.datasets.some((d) => d.data.some((p) => typeof p === 'object' && p !== null && 'x' in p))
}

export function overlayConfigs(a: ChartConfiguration, b: ChartConfiguration, labelA: string, labelB: string): ChartConfiguration {
  const floor = commonFloor(a, b)
  const onFloor = (data: ChartDataset['data']) =>
    !floor?.zeros ? data : (data as BandPoint[]).map((p) => (p !== null && p.value === 0 ? { ...p, y: floor.min } : p))
  const tag = (d: ChartDataset, label: string, dashed: boolean): ChartDataset =>
    ({ ...d, data: onFloor(d.data), label: `${label} · ${d.label ?? ''}`, ...(dashed ? { borderDash: [6, 4] } : {}) }) as ChartDataset
  const options = { ...(a.options ?? {}) } as NonNullable<ChartConfiguration['options']> & { plugins?: Record<string, unknown> }
  const plugins = { ...(options.plugins ?? {}) }
  const title = plugins.title as { text?: unknown } | undefined
  plugins.title = { ...(title ?? {}), display: true, text: `${typeof title?.text === 'string' ? title.text : ''} — ${labelA} (solid) vs ${labelB} (dashed)` }
  const onOverlay = (d: ChartDataset) => ({ ...d, data: onFloor(d.data) }) as ChartDataset
  const subtitle = overlayNotes(a, b, labelA, labelB, { a: a.data.datasets.map(onOverlay), b: b.data.datasets.map(onOverlay) })
  plugins.subtitle = { ...((plugins.subtitle as object | undefined) ?? {}), display: subtitle.length > 0, text: subtitle }
  options.plugins = plugins
  // A's axis limits may cut B's data off (the nines axis ends at A's deepest percentile)
  const scales = { ...((options.scales ?? {}) as Record<string, Record<string, unknown>>) }
  for (const axis of Object.keys(scales)) scales[axis] = { ...scales[axis], max: undefined }
  if (floor !== undefined) scales.y = { ...scales.y, min: floor.min, ticks: floor.ticks }
  options.scales = scales as typeof options.scales
  const { table: _dropped, ...rest } = a as ChartConfiguration & { table?: ChartTable }
  const table = overlayTable(tableOf(a), tableOf(b), labelA, labelB)
  return {
    ...rest,
    ...(table ? { table } : {}),
    data: { ...a.data, datasets: [...a.data.datasets.map((d) => tag(d, labelA, false)), ...b.data.datasets.map((d) => tag(d, labelB, true))] },
    options
  } as ChartConfiguration
}
