// The per-CPU flushes in the UI (docs/model.md §10): the preset that shows them runs, Results → Drains lists
// each flush per variant, and Design → Kernel says which flushes reach an isolated CPU per release.
import { expect, test } from '@playwright/test'
import { expectChartDrawn, pickPreset, SCREENSHOTS, shortRun } from './ui-helpers'

test('the CMA-next-to-a-polling-loop preset: the LRU flush stalls where the pcp drain no longer does, per release', async ({ page }) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await pickPreset(page, 'CMA next to a polling loop')

  const traits = page.getByTestId('variant-traits')
  await expect(traits).toContainText('flushes reaching isolated CPUs')
  await expect(traits.locator('tr', { hasText: 'direct-chunked' })).toContainText('vmstat update, memcg stock drain pass isolated CPUs over')
  await expect(traits.locator('tr', { hasText: 'workqueue' }).first()).toContainText('LRU drain, vmstat update, memcg stock drain, SLUB flush')

  await shortRun(page, 1500)
  await page.getByTestId('run-open-results').click()
  await page.locator('.n-tabs-tab', { hasText: 'Drains' }).click()
  const table = page.getByTestId('flush-table')
  await expect(table).toBeVisible()
  const lru = table.locator('tr', { hasText: 'LRU drain — lru_add_drain_all()' })
  // the LRU flush follows a CMA allocation's pcp drain once it returned: under the direct variants (6.0+) at once;
  // under workqueue (5.19) the drain itself waits for the loop's CPU, so in 1.5 s it may not have returned yet
  for (const variant of ['direct', 'direct-irqon', 'direct-chunked']) await expect(lru.filter({ hasText: new RegExp(`^${variant}LRU`) })).toHaveCount(1)
  await expect(table.locator('tr', { hasText: 'vmstat update' })).toHaveCount(4)
  await table.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SCREENSHOTS}/results-flush-table.png`, fullPage: false })
  // the chart of the same counts: which release still queues flush work on the isolated CPU
  await expectChartDrawn(page, 'chart-canvas-flush-work')
  await page.getByTestId('chart-canvas-flush-work').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SCREENSHOTS}/results-flush-chart.png`, fullPage: false })
})
