// Run → Results → Compare → History in real Chromium against `drainlab serve`: progress, every chart
// drawn (pixels read back), PNG and CSV exports, two runs compared, delete with undo, and a
// screenshot of every view in both themes (test-results/screenshots).
import { expect, test, type Page } from '@playwright/test'
import { mkdir, readFile } from 'node:fs/promises'
import { expectChartDrawn, expectChartsDrawn, openResultsTab, pickPreset, SCREENSHOTS, setTheme, shortRun } from './ui-helpers'

test.describe.configure({ mode: 'serial' })

const VIEWS = ['design', 'run', 'results', 'compare', 'sweep', 'history'] as const

async function screenshotAllViews(page: Page, prefix: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    for (const view of VIEWS) {
      await page.getByTestId(`nav-${view}`).click()
      await expect(page.getByTestId(`view-${view}`)).toBeVisible()
      await expectChartsDrawn(page, page.locator(`[data-testid="view-${view}"] canvas[data-testid^="chart-canvas-"]:visible`))
      await page.screenshot({ path: `${SCREENSHOTS}/${prefix}-${view}-${theme}.png` })
    }
  }
  await setTheme(page, 'light')
}

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('run a preset, watch progress, read every chart, export PNG, SVG and CSV, compare two runs', async ({ page }, info) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  // the 1 kHz loop shows drains and latencies within a few hundred ms of simulated time
  await pickPreset(page, '1 kHz control loop')
  await shortRun(page, 300)
  await expect(page.getByTestId('run-jobs')).toContainText('completed')

  await page.getByTestId('run-open-results').click()
  await expect(page.getByTestId('overview-cards')).toBeVisible()
  await expect(page.getByTestId('overview-workqueue')).toBeVisible()
  // this preset's drains complete: the drain cards hold measured durations, not dashes
  await expect(page.getByTestId('metric-direct-drainP99Ns')).toContainText('µs')
  await expect(page.getByTestId('metric-workqueue-stalled')).toHaveAttribute('title', /pending when the run ended/)

  // every chart of every tab draws something beyond its background
  for (const tab of ['Latency', 'Drains', 'Interference', 'Worst case']) {
    await openResultsTab(page, tab)
    const canvases = page.locator('.n-tab-pane:visible canvas[data-testid^="chart-canvas-"]')
    await expect(canvases.first()).toBeVisible()
    await expectChartsDrawn(page, canvases)
  }

  // PNG of the chart as on screen: decodes, at twice the canvas's size by default (issue 15, point 8)
  await openResultsTab(page, 'Latency')
  const canvas = page.getByTestId('chart-canvas-latency-percentiles')
  // the tab's pane fades in: its canvas has no size until it is laid out (a 0×0 read here failed once in a full run)
  await expect(canvas).toBeVisible()
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.clientWidth * c.clientHeight)).toBeGreaterThan(0)
  const size = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: 2 * c.clientWidth, height: 2 * c.clientHeight }))
  const pngDownload = page.waitForEvent('download')
  await page.getByTestId('chart-png-latency-percentiles').click()
  const png = await pngDownload
  const pngPath = info.outputPath('chart.png')
  await png.saveAs(pngPath)
  const pngBytes = await readFile(pngPath)
  expect(pngSize(pngBytes)).toEqual(size)
  const decoded = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
    return { width: bitmap.width, height: bitmap.height }
  }, pngBytes.toString('base64'))
  expect(decoded).toEqual(size)

  // SVG of what is on screen: real vectors (paths and text, no embedded bitmap) that Chromium renders
  // at the chart's size; zoom in first so the export has to follow the visible range
  await canvas.hover()
  await page.mouse.wheel(0, -300)
  await expect(page.getByTestId('chart-reset-latency-percentiles')).toBeEnabled()
  const svgDownload = page.waitForEvent('download')
  await page.getByTestId('chart-svg-latency-percentiles').click()
  const svgPath = info.outputPath('chart.svg')
  await (await svgDownload).saveAs(svgPath)
  const svg = await readFile(svgPath, 'utf8')
  expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  expect(svg).toContain('<path')
  expect(svg).toContain('>Wakeup latency by percentile</text>')
  expect(svg).not.toContain('<image')
  const cssSize = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.clientWidth, height: c.clientHeight }))
  const rendered = await page.evaluate(async (text) => {
    const img = new Image()
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
    await img.decode()
    return { width: img.naturalWidth, height: img.naturalHeight }
  }, svg)
  expect(rendered).toEqual(cssSize)
  await page.getByTestId('chart-reset-latency-percentiles').click()

  const csvDownload = page.waitForEvent('download')
  await page.getByTestId('chart-csv-latency-percentiles').click()
  const csvPath = info.outputPath('chart.csv')
  await (await csvDownload).saveAs(csvPath)
  const csv = (await readFile(csvPath, 'utf8')).trim().split('\n')
  // the chart's data: real percentiles and µs, not the nines axis or the log scale (issue 15, point 1)
  expect(csv[0]).toBe('variant,percentile (%),wakeup latency (µs)')
  expect(csv.length).toBeGreaterThan(1)
  // the percentiles people quote, each once (variant, percentile), the maximum as 100 (walk of issue 15, point 1)
  const cells = csv.slice(1).map((row) => row.split(','))
  expect(cells.every(([, p, v]) => /^\d+(\.\d+)?$/.test(p) && Number(p) <= 100 && /^\d+(\.\d{1,3})?$/.test(v))).toBe(true)
  expect(new Set(cells.map(([variant, p]) => `${variant},${p}`)).size).toBe(cells.length)
  for (const variant of new Set(cells.map(([variant]) => variant))) {
    const pct = cells.filter((r) => r[0] === variant).map((r) => r[1])
    expect(pct).toEqual(expect.arrayContaining(['0', '50', '90', '99', '100']))
    expect(pct.at(-1)).toBe('100')
  }

  // two markers by click, their delta shown; W zooms with the keyboard once the chart has the focus
  const box = (await canvas.boundingBox())!
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6)
  // Chart.js handles one pointer event per animation frame: B is clicked once A is placed, never in the same frame
  await expect(page.getByTestId('chart-markers-latency-percentiles')).toContainText('click again for B')
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.6)
  await expect(page.getByTestId('chart-markers-latency-percentiles')).toContainText('Δ')
  await page.keyboard.press('w')
  await expect(page.getByTestId('chart-reset-latency-percentiles')).toBeEnabled()

  // a second run of another preset, then compare the two from History
  await page.getByTestId('nav-design').click()
  await pickPreset(page, 'Polling task, RT throttling off')
  await shortRun(page)
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-table')).toBeVisible()
  const boxes = page.locator('[data-testid^="history-compare-"]')
  expect(await boxes.count()).toBeGreaterThanOrEqual(2)
  await boxes.nth(0).click()
  await boxes.nth(1).click()
  await page.getByTestId('history-compare').click()
  await expect(page.getByTestId('view-compare')).toBeVisible()
  await expect(page.getByTestId('compare-diff')).toContainText('kernel.antiStarvation.policy')
  await expect(page.getByTestId('chart-canvas-compare-overlay')).toBeVisible()
  await expectChartDrawn(page, 'chart-canvas-compare-overlay')
  // two presets differ in ~140 fields: the six most telling are listed beside the headline numbers, the rest
  // behind a toggle, so the numbers and the overlay chart are on the first screen at 1400×900
  const diffRows = page.locator('[data-testid="compare-diff"] tbody tr')
  await expect(diffRows).toHaveCount(6)
  await expect(diffRows.first()).toContainText('CPUs')
  for (const id of ['compare-table', 'chart-canvas-compare-overlay']) {
    const box = (await page.getByTestId(id).boundingBox())!
    expect(box.y + box.height, `${id} within the first screen`).toBeLessThanOrEqual(900)
  }
  await page.getByTestId('compare-diff-toggle').click()
  expect(await diffRows.count()).toBeGreaterThan(6)
  await expect(page.getByTestId('compare-diff')).toContainText('task 1 name')
  await page.getByTestId('compare-diff-toggle').click()
  await expect(diffRows).toHaveCount(6)

  await screenshotAllViews(page, 'after-runs')

  // delete with undo
  await page.getByTestId('nav-history').click()
  const rows = page.locator('[data-testid="history-table"] tbody tr')
  const count = await rows.count()
  await page.locator('[data-testid^="history-delete-"]').first().click()
  await expect(page.getByTestId('history-undo-bar')).toBeVisible()
  await expect(rows).toHaveCount(count - 1)
  await page.getByTestId('history-undo').click()
  await expect(rows).toHaveCount(count)
})
