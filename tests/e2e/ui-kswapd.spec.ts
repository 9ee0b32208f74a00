// kswapd's balance before each reclaim drain and ZONE_DMA32's lists in the UI (docs/model.md §2.3, §2.4): a reclaim
// source shows its balance fields with the measured defaults, another source does not, and Results → Drains says
// how much of the run ZONE_RECLAIM_ACTIVE capped the lists.
import { expect, test } from '@playwright/test'
import { pickPreset, SCREENSHOTS, shortRun } from './ui-helpers'

test('a reclaim source brings kswapd\'s balance: its fields in Design, its line in Results → Drains', async ({ page }) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto('/')
  await pickPreset(page, '1 kHz control loop')
  await page.getByTestId('nav-design').click()

  // the preset's reclaim source: the balance fields, empty with the measured defaults as placeholders
  const reclaim = page.getByTestId('drain-source-0')
  await expect(reclaim.getByTestId('input-drainSources.0.kswapdLeadMs')).toHaveAttribute('placeholder', '27.7 (measured)')
  await expect(reclaim.getByTestId('input-drainSources.0.kswapdBalanceMs')).toHaveAttribute('placeholder', '0.4 (measured)')
  // its compaction source (drain_all_pages(zone)) has none
  const compaction = page.getByTestId('drain-source-1')
  await expect(compaction.getByTestId('input-drainSources.1.ratePerSec')).toBeVisible()
  await expect(compaction.getByTestId('input-drainSources.1.kswapdLeadMs')).toHaveCount(0)
  await reclaim.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SCREENSHOTS}/design-kswapd-fields.png`, fullPage: false })

  // 40 reclaim drains a second, so that a short run has balances
  await reclaim.getByTestId('input-drainSources.0.ratePerSec').fill('40')
  await shortRun(page, 500)
  await page.getByTestId('run-open-results').click()
  await page.locator('.n-tabs-tab', { hasText: 'Drains' }).click()
  const line = page.getByTestId('kswapd-summary')
  await expect(line).toContainText(/kswapd: \d+(–\d+)? balances before the reclaim drains per run, ZONE_RECLAIM_ACTIVE/)
  await line.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SCREENSHOTS}/results-kswapd-line.png`, fullPage: false })
})
