// The live engine from the browser host (issue 12): a tiny 2-CPU live profile opened in the page runs on this
// machine's CPUs, the Results title and History say "live engine", the Engine field switches the same profile to
// the model, and Compare puts the model run and the live run side by side, each column naming its engine.
import { writeFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { SCREENSHOTS } from './ui-helpers'

/** examples/live/two-cpu-polling.drainlab.json, shortened: CPU 1 polls, CPU 0 drains, policy none, 300 ms. */
const PROFILE = {
  schemaVersion: 1,
  name: 'e2e live vs model',
  machine: { cpus: 2, isolated: '1', memoryGiB: 1 },
  kernel: { variants: ['workqueue', 'direct'], antiStarvation: { policy: 'none' } },
  rtTasks: [{ name: 'poller', cpu: 1, mode: 'polling', periodUs: 1000, runtimeUs: 50, initialPcpPages: 31 }],
  housekeeping: { allocRatePagesPerSec: 2000, freeRatePagesPerSec: 2000 },
  drainSources: [{ kind: 'once', atMs: 50, cpu: 0 }],
  run: { durationMs: 300, seeds: [1], engine: 'live' }
}

async function runToTheEnd(page: Page): Promise<void> {
  await page.getByTestId('design-run').click()
  await expect(page.getByTestId('view-run')).toBeVisible()
  await expect(page.getByTestId('run-finished')).toHaveAttribute('data-status', 'completed', { timeout: 120_000 })
  await page.getByTestId('run-open-results').click()
  await expect(page.getByTestId('view-results')).toBeVisible()
}

test('a live run from the page is labelled live, a model run of the same profile model, and Compare shows both', async ({ page }, info) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  const file = info.outputPath('live.drainlab.json')
  await writeFile(file, JSON.stringify(PROFILE))
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'Open…' }).click()
  await (await chooser).setFiles(file)
  await expect(page.getByTestId('input-name')).toHaveValue('e2e live vs model')
  await expect(page.getByTestId('input-run.engine')).toContainText('live')

  await runToTheEnd(page)
  const tag = page.getByTestId('view-results').getByTestId('engine-tag')
  await expect(tag).toHaveText('live engine')
  const facts = page.getByTestId('live-host-facts')
  await expect(facts).toContainText('anti-starvation none')
  await expect(page.getByTestId('live-job-workqueue-s1')).toContainText('work still queued at the end on CPUs 1')
  await expect(page.getByTestId('live-job-direct-s1')).toContainText('work still queued at the end on CPUs none')
  await page.screenshot({ path: `${SCREENSHOTS}/live-engine-results.png`, fullPage: true })

  // the same profile on the model: the Engine field, then Run
  await page.getByTestId('nav-design').click()
  await page.getByTestId('input-run.engine').click()
  await page.locator('.n-base-select-option', { hasText: /^model$/ }).click()
  await expect(page.getByTestId('input-run.engine')).toContainText('model')
  await runToTheEnd(page)
  await expect(tag).toHaveText('model engine')
  await expect(page.getByTestId('live-host-facts')).toHaveCount(0)

  await page.getByTestId('nav-history').click()
  const rows = page.getByTestId('history-table').locator('tbody tr', { hasText: 'e2e live vs model' })
  await expect(rows).toHaveCount(2)
  // newest first: the model run, then the live one
  await expect(rows.nth(0).getByTestId('engine-tag')).toHaveText('model engine')
  await expect(rows.nth(1).getByTestId('engine-tag')).toHaveText('live engine')
  await page.screenshot({ path: `${SCREENSHOTS}/live-engine-history.png`, fullPage: true })
  for (const i of [0, 1]) await rows.nth(i).getByRole('checkbox').click()
  await page.getByTestId('history-compare').click()

  const compare = page.getByTestId('view-compare')
  await expect(compare.getByTestId('compare-engines')).toContainText('A model engine / B live engine')
  await expect(compare.getByTestId('compare-legend')).toContainText('model engine (solid)')
  await expect(compare.getByTestId('compare-legend')).toContainText('live engine (dashed)')
  await expect(compare.getByTestId('compare-diff')).toContainText('run.engine')
  await expect(compare.getByTestId('compare-table')).toContainText('workqueue')
  await page.screenshot({ path: `${SCREENSHOTS}/live-engine-compare.png`, fullPage: true })
})
