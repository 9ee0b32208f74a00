// Issue 15, points 5–8 as a user meets them, in real Chromium against `drainlab serve`: two edited runs of the
// stress preset are named for their edits in History and Compare, History lists the changed fields, Compare
// opens with the profile difference; the Results view has the per-task Min/Avg/p50/p99/Max table, an
// Interference chart with a row per CPU, PNGs at 2× (or the size picked) and one ZIP for the CSV tables.
// Screenshots of Design, History, Results and Compare in both themes go to test-results/screenshots/apart-*.png.
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile } from 'node:fs/promises'
import { expectChartDrawn, pickPreset, SCREENSHOTS, setTheme, shortRun } from './ui-helpers'

const STRESS = 'Stress test from the series'

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function tab(page: Page, name: string): Promise<void> {
  await page.locator('[data-testid="view-results"] .n-tabs-tab', { hasText: name }).click()
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme)
    // past naive-ui's colour transition, which would show controls half-faded
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${SCREENSHOTS}/apart-${name}-${theme}.png`, fullPage: true })
  }
  await setTheme(page, 'light')
}

test('edited runs told apart; per-task latency table; interference rows; PNG size; one ZIP of CSV tables', async ({ page }, info) => {
  test.setTimeout(180_000)
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')

  // the preset box names the preset until the draft is edited, then says what was edited
  await pickPreset(page, STRESS)
  await page.getByTestId('input-run.warmupMs').fill('10')
  await expect(page.getByTestId('preset-edited')).toHaveText('1 field changed: Warm-up')
  await expect(page.getByTestId('preset-picker')).toContainText(`Edited from “${STRESS}”`)
  await expect(page.getByTestId('preset-description')).toHaveCount(0)
  await page.getByTestId('preset-picker').scrollIntoViewIfNeeded()
  await shoot(page, 'design-edited')
  // shortRun sets the duration too (the preset's seeds are already 1)
  await shortRun(page, 100)
  await page.getByTestId('nav-design').click()
  await pickPreset(page, STRESS)
  await shortRun(page, 100)

  // History: both runs by what was edited, and the changed fields with their values
  await page.getByTestId('nav-history').click()
  const table = page.getByTestId('history-table')
  await expect(table).toContainText(`${STRESS} (edited: Duration)`)
  await expect(table).toContainText(`${STRESS} (edited: Duration, Warm-up)`)
  const rows = page.locator('[data-testid="history-table"] tbody tr')
  const twoFields = rows.filter({ hasText: 'edited: Duration, Warm-up' }).first()
  await twoFields.locator('.n-data-table-expand-trigger').click()
  await expect(page.locator('[data-testid^="history-changes-"]')).toContainText(`“${STRESS}”: Duration 10000 → 100; Warm-up 0 → 10`)
  await shoot(page, 'history')

  // Compare: the profile difference comes first, beside the headline numbers and above the charts
  await page.locator('[data-testid^="history-compare-"]').nth(0).click()
  await page.locator('[data-testid^="history-compare-"]').nth(1).click()
  await page.getByTestId('history-compare').click()
  const diff = page.getByTestId('compare-diff')
  await expect(diff).toContainText('Warm-up')
  await expect(page.getByTestId('compare-table')).toBeVisible()
  const diffTop = (await diff.boundingBox())!.y
  expect(diffTop).toBeLessThanOrEqual((await page.getByTestId('compare-table').boundingBox())!.y)
  expect(diffTop).toBeLessThan((await page.getByTestId('compare-chart').boundingBox())!.y)
  await expect(page.getByTestId('view-compare')).toContainText(`A = ${STRESS} (edited:`)
  await expectChartDrawn(page, 'chart-canvas-compare-overlay')
  await shoot(page, 'compare')

  // Results of the newer run: the per-task table with cyclictest's figures
  await page.getByTestId('nav-history').click()
  await page.locator('[data-testid^="history-open-"]').first().click()
  await expect(page.getByTestId('view-results')).toBeVisible()
  await expect(page.getByTestId('view-results')).toContainText(`${STRESS} (edited:`)
  await tab(page, 'Latency')
  const tasks = page.getByTestId('task-latency')
  await expect(tasks).toBeVisible()
  for (const h of ['Min', 'Avg', 'p50', 'p99', 'Max']) await expect(tasks.locator('thead')).toContainText(h)
  // 8 pollers × 4 variants, every one on its own CPU 8–15
  await expect(tasks.locator('tbody tr')).toHaveCount(32)
  await expect(tasks.locator('tbody')).toContainText('oslat15')
  await tasks.scrollIntoViewIfNeeded()
  await shoot(page, 'results-latency')

  // PNG: twice the chart's size on screen by default, three times when picked
  const canvas = page.getByTestId('chart-canvas-latency-histogram')
  await expectChartDrawn(page, 'chart-canvas-latency-histogram')
  const css = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.clientWidth, height: c.clientHeight }))
  for (const [scale, pick] of [[2, null], [3, 'PNG 3×']] as const) {
    if (pick) {
      await page.getByTestId('chart-png-scale-latency-histogram').click()
      await page.locator('.n-base-select-option', { hasText: pick }).click()
    }
    const download = page.waitForEvent('download')
    await page.getByTestId('chart-png-latency-histogram').click()
    const path = info.outputPath(`chart-${scale}x.png`)
    await (await download).saveAs(path)
    expect(pngSize(await readFile(path))).toEqual({ width: scale * css.width, height: scale * css.height })
  }
  // the screen chart is back at its own pixel ratio
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width)).toBe(css.width)

  // Interference: a row per isolated CPU and variant that lost time, never squeezed below the usual chart height
  await tab(page, 'Interference')
  await expectChartDrawn(page, 'chart-canvas-interference')
  const height = await page.getByTestId('chart-canvas-interference').evaluate((c: HTMLCanvasElement) => c.clientHeight)
  expect(height).toBeGreaterThanOrEqual(320)
  await shoot(page, 'results-interference')

  // CSV tables: one download, a ZIP holding every table
  const downloads: string[] = []
  page.on('download', (d) => downloads.push(d.suggestedFilename()))
  const zipDownload = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const zip = await zipDownload
  const zipPath = info.outputPath('tables.zip')
  await zip.saveAs(zipPath)
  await page.waitForTimeout(1500)
  expect(downloads).toHaveLength(1)
  expect(downloads[0]).toMatch(/-csv\.zip$/)
  const listing = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim().split('\n')
  expect(listing).toEqual(expect.arrayContaining(['summary.csv', 'jobs.csv', 'histograms.csv', 'series.csv', 'housekeeping.csv']))

  await tab(page, 'Overview')
  await shoot(page, 'results-overview')
})
