// File ▸ Import Measurements… in real Chromium against `drainlab serve`: a cyclictest file captured on the
// development VM opens in Results with its latency charts drawn, a file that is not a measurement is a
// message with its line, and the measured run is compared with a simulated one from History.
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { expectChartDrawn, pickPreset, SCREENSHOTS, shortRun } from './ui-helpers'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'measured')

async function importFiles(page: import('@playwright/test').Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'Import Measurements…' }).click()
  await (await chooser).setFiles(files)
}

test('import cyclictest output, read it in Results, refuse a non-measurement, compare with a simulation', async ({ page }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')

  await importFiles(page, [join(FIXTURES, 'cyclictest.json')])
  await expect(page.getByTestId('view-results')).toBeVisible()
  await expect(page.getByTestId('view-results')).toContainText('imported measurements')
  // what a measurement holds, and only its tabs: no drains, interference, worst sample or timeline to show
  await expect(page.getByTestId('measured-note')).toContainText('Measured by cyclictest')
  await expect(page.getByTestId('measured-note')).toContainText('Filed under')
  await expect(page.locator('.n-tabs-tab')).toHaveText(['Overview', 'Latency'])
  await page.locator('.n-tabs-tab', { hasText: 'Latency' }).click()
  await expectChartDrawn(page, 'chart-canvas-latency-percentiles')
  await expectChartDrawn(page, 'chart-canvas-latency-histogram')
  await page.screenshot({ path: `${SCREENSHOTS}/import-results.png` })

  await importFiles(page, [join(FIXTURES, 'README.md')])
  await expect(page.getByTestId('file-failure')).toContainText('Could not import: README.md:1: not a cyclictest')

  // the simulated run of the same variant, then both from History into Compare
  await page.getByTestId('nav-design').click()
  await pickPreset(page, '1 kHz control loop')
  await shortRun(page, 200)
  await page.getByTestId('nav-history').click()
  await expect(page.getByTestId('history-table')).toContainText('cyclictest cyclictest.json')
  // a measurement's stored profile stands for the measured setup: its button simulates that, not "Re-run" (the
  // newest row of each: other tests share the data folder and its History)
  await expect(page.locator('tr', { hasText: 'cyclictest cyclictest.json' }).first().locator('[data-testid^="history-rerun-"]')).toHaveText('Simulate')
  await expect(page.locator('tr', { hasText: '1 kHz control loop' }).first().locator('[data-testid^="history-rerun-"]')).toHaveText('Re-run')
  const boxes = page.locator('[data-testid^="history-compare-"]')
  await boxes.nth(0).click()
  await boxes.nth(1).click()
  await page.getByTestId('history-compare').click()
  await expect(page.getByTestId('view-compare')).toBeVisible()
  await expect(page.getByTestId('chart-canvas-compare-overlay')).toBeVisible()
  await expectChartDrawn(page, 'chart-canvas-compare-overlay')
  await page.screenshot({ path: `${SCREENSHOTS}/import-compare.png` })
})
