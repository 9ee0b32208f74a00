// Sweep in real Chromium: a parameter typed as a list, every grid point run, and the metric-vs-parameter
// chart drawn with one line per variant; the metric is chosen from a list; then re-run from History, both
// sweeps' points listed there, and the two compared point by point.
import { expect, test } from '@playwright/test'
import { expectChartDrawn, pickPreset } from './ui-helpers'

test('sweep pcp->high and chart a metric against it', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await pickPreset(page, '1 kHz control loop')
  await page.getByTestId('input-run.durationMs').fill('100')
  await page.getByTestId('input-run.seeds').fill('1')
  await page.getByTestId('sweep-enable').click()
  const values = page.locator('[data-testid="sweep-values-0"] input')
  await values.fill('')
  await values.pressSequentially('64, 1024')
  await expect(values).toHaveValue('64, 1024')
  await expect(page.getByTestId('field-sweep')).toContainText('2 sweep point(s)')

  await page.getByTestId('design-run').click()
  await expect(page.getByTestId('run-finished')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 })
  await expect(page.getByTestId('run-summary')).toContainText('kernel.pcp.high=1024')

  await page.getByTestId('nav-sweep').click()
  // the parameter by its name, not its path (issue 15, point 6)
  await expect(page.getByTestId('view-sweep')).toContainText('pcp high (pages) ∈ [64, 1024]')
  await expect(page.getByTestId('chart-canvas-sweep-metric')).toBeVisible()
  await expectChartDrawn(page, 'chart-canvas-sweep-metric')
  await page.getByTestId('sweep-metric').click()
  // a maximum is summed up over seeds as the worst seed, and the list says so (issue 15, point 6)
  await page.locator('.n-base-select-option', { hasText: 'latency max (µs, worst seed)' }).click()
  await expect(page.getByTestId('chart-canvas-sweep-metric')).toBeVisible()
  await expectChartDrawn(page, 'chart-canvas-sweep-metric')
  // past the list's closing animation
  await page.waitForTimeout(500)
  await page.screenshot({ path: 'test-results/screenshots/sweep-worst-seed.png' })

  // run this sweep on a cluster: one self-contained Slurm script, one shard per job by default (8 jobs)
  await page.getByTestId('cluster-open').click()
  await page.screenshot({ path: 'test-results/screenshots/sweep-cluster-export.png' })
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cluster-download').click()])
  expect(download.suggestedFilename()).toMatch(/-slurm-8shards\.sh$/)
  const script = await (await download.createReadStream()).toArray()
  expect(Buffer.concat(script).toString('utf8')).toContain('kernel.pcp.high')

  // re-run exactly from History: the same profile and seeds go back to the lab
  await page.getByTestId('nav-history').click()
  await page.locator('[data-testid^="history-rerun-"]').first().click()
  await expect(page.getByTestId('view-run')).toBeVisible()
  await expect(page.getByTestId('run-finished')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 })
  await expect(page.getByTestId('run-summary')).toContainText('kernel.pcp.high=64')

  // History shows every sweep point of a sweep run, not the first alone (issue 15, point 7)
  await page.getByTestId('nav-history').click()
  const first = page.locator('[data-testid="history-table"] tbody tr').first()
  await expect(first).toContainText('pcp high (pages) = 64')
  await expect(first).toContainText('pcp high (pages) = 1024')
  // Compare reads each sweep run at the point picked for it (its headline table was empty for sweeps)
  await page.locator('[data-testid^="history-compare-"]').nth(0).click()
  await page.locator('[data-testid^="history-compare-"]').nth(1).click()
  await page.getByTestId('history-compare').click()
  await expect(page.getByTestId('compare-point-a')).toBeVisible()
  await expect(page.getByTestId('compare-table')).toContainText('µs')
  await page.getByTestId('compare-point-b').click()
  await page.locator('.n-base-select-option', { hasText: 'pcp high (pages) = 1024' }).click()
  await expect(page.getByTestId('compare-point-b')).toContainText('pcp high (pages) = 1024')
  await expect(page.getByTestId('compare-table')).toContainText('µs')
  await page.waitForTimeout(500)
  await page.screenshot({ path: 'test-results/screenshots/sweep-compare-points.png' })
})
