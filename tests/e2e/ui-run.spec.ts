// The Run view's keyboard and cancel path in real Chromium: Ctrl+Enter starts, progress shows figures,
// Esc cancels, the results are kept and marked partial; Ctrl+1..6 switch views.
import { expect, test } from '@playwright/test'
import { pickPreset } from './ui-helpers'

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
