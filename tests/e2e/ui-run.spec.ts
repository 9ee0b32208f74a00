// The Run view in real Chromium: Ctrl+Enter starts, progress shows figures, Esc cancels, the results are
// kept and marked partial; Ctrl+1..6 switch views; the cards of the jobs done so far show while it runs.
import { expect, test } from '@playwright/test'
import { pickPreset, SCREENSHOTS } from './ui-helpers'

test('Ctrl+Enter runs, Esc cancels, partial results are kept and marked', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  for (const [key, view] of [['2', 'run'], ['6', 'history'], ['3', 'results'], ['1', 'design']] as const) {
    await page.keyboard.press(`Control+${key}`)
    await expect(page.getByTestId(`view-${view}`)).toBeVisible()
  }
  await pickPreset(page, 'Stress test from the series')
  // long enough to be cancelled mid-way
  await page.getByTestId('input-run.durationMs').fill('60000')
  await page.getByTestId('input-run.seeds').fill('1')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('view-run')).toBeVisible()
  await expect(page.getByTestId('run-progress')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('run-rate')).toContainText('events/s')
  await expect(page.getByTestId('run-eta')).toBeVisible()
  await page.keyboard.press('Escape')
  const finished = page.getByTestId('run-finished')
  await expect(finished).toBeVisible({ timeout: 60_000 })
  expect(['cancelled', 'partial']).toContain(await finished.getAttribute('data-status'))
  await expect(finished).toContainText('kept and marked partial')
  await page.getByTestId('run-open-results').click()
  await expect(page.getByTestId('view-results')).toContainText('partial')
})

test('the overview cards of the jobs done so far show while the run goes, then give way to the final numbers', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/')
  await pickPreset(page, '1 kHz control loop')
  // 4 variants × 2 seeds, one job at a time, ~1 s each here: the first is done long before the last
  await page.getByTestId('input-run.durationMs').fill('60000')
  await page.getByTestId('input-run.seeds').fill('1, 2')
  await page.getByTestId('nav-run').click()
  await page.getByTestId('run-parallel-jobs').locator('input').fill('1')
  await page.getByTestId('run-start').click()
  await expect(page.getByTestId('run-progress')).toBeVisible({ timeout: 30_000 })

  const live = page.getByTestId('run-live')
  await expect(live).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('run-finished')).toHaveCount(0)
  await expect(page.getByTestId('run-live-label')).toContainText(/[1-7] of 8 jobs summed \(the header counts the jobs done\) — numbers so far/)
  await expect(live.getByTestId('overview-workqueue')).toBeVisible()
  await expect(live.getByTestId('metric-workqueue-drainP99Ns')).toContainText(/\d/)
  await page.screenshot({ path: `${SCREENSHOTS}/run-live-cards.png`, fullPage: true })
  // refetched as later jobs complete: the direct variant's card joins while jobs are still left
  await expect(live.getByTestId('overview-direct')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('run-live-label')).toContainText(/[3-7] of 8 jobs summed/)

  await expect(page.getByTestId('run-finished')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 })
  await expect(live).toHaveCount(0)
  await expect(page.getByTestId('run-summary')).toContainText('direct')
})
