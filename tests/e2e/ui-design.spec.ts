// Design view in real Chromium against `drainlab serve`: presets, validation at the field blocking
// Run, the CPU map (click and drag), save and load a profile back identical.
import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { pickPreset } from './ui-helpers'

test('a preset, an invalid field that blocks Run, and the CPU map', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('status-host')).toContainText('connected')
  await pickPreset(page, '1 kHz control loop')
  await expect(page.getByTestId('input-name')).not.toHaveValue('Untitled experiment')
  await expect(page.getByTestId('design-run')).toBeEnabled()

  // an invalid value shows the schema's message at the field and disables Run with the reason
  await page.getByTestId('input-kernel.pcp.batchScaleMax').fill('9')
  await expect(page.getByTestId('field-error-kernel.pcp.batchScaleMax')).toHaveText('Batch scale max is 0..6')
  await expect(page.getByTestId('design-run')).toBeDisabled()
  await expect(page.getByTestId('run-blocked-reason')).toContainText('kernel.pcp.batchScaleMax: batchScaleMax is 0..6')
  await page.getByTestId('input-kernel.pcp.batchScaleMax').fill('5')
  await expect(page.getByTestId('field-error-kernel.pcp.batchScaleMax')).toHaveCount(0)
  await expect(page.getByTestId('design-run')).toBeEnabled()

  // the map and the cpulist field stay in sync both ways
  const isolated = page.getByTestId('input-machine.isolated')
  const before = await isolated.inputValue()
  await page.getByTestId('cpu-tile-0').click()
  await expect(page.getByTestId('cpu-tile-0')).toHaveAttribute('data-role', 'isolated')
  await expect(isolated).not.toHaveValue(before)
  await isolated.fill(before)
  await expect(page.getByTestId('cpu-tile-0')).toHaveAttribute('data-role', 'housekeeping')

  // drag the first task onto CPU 0: it becomes isolated and the task runs there
  await page.getByTestId('task-chip-0').dragTo(page.getByTestId('cpu-tile-0'))
  await expect(page.getByTestId('cpu-tile-0')).toHaveAttribute('data-role', 'isolated')
  await expect(page.getByTestId('task-chip-0')).toContainText('→ 0')
  await expect(page.getByTestId('design-run')).toBeEnabled()

  // a housekeeping CPU cannot run a realtime task: the field says so
  await page.getByTestId('cpu-tile-0').click()
  await expect(page.getByTestId('field-error-rtTasks.0.cpu').first()).toContainText('housekeeping CPU')
  await expect(page.getByTestId('design-run')).toBeDisabled()
})

test('save a profile and load it back identical; the draft survives a reload', async ({ page }, info) => {
  await page.goto('/')
  await pickPreset(page, 'CMA-heavy device')
  await page.getByTestId('input-name').fill('Saved by e2e')
  await page.getByTestId('input-run.seeds').fill('3, 5')
  await expect(page.getByTestId('dirty-marker')).toBeVisible()

  const draftBefore = await page.evaluate(() => JSON.parse(localStorage.getItem('drainlab.draft')!).draft)
  await page.reload()
  await expect(page.getByTestId('input-name')).toHaveValue('Saved by e2e')

  const download = page.waitForEvent('download')
  await page.keyboard.press('Control+s')
  const file = await download
  expect(file.suggestedFilename()).toBe('Saved-by-e2e.drainlab.json')
  const path = info.outputPath('saved.drainlab.json')
  await file.saveAs(path)
  const saved = JSON.parse(await readFile(path, 'utf8'))
  expect(saved).toEqual(draftBefore)
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0)

  // an edit after saving: New asks first, and "Keep editing" keeps it
  await page.getByTestId('input-name').fill('Saved by e2e, edited')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'New' }).click()
  await page.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.getByTestId('input-name')).toHaveValue('Saved by e2e, edited')
  await page.getByTestId('input-name').fill('Saved by e2e')
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0)

  // start over, then open the saved file through the file picker
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'New' }).click()
  await expect(page.getByTestId('input-name')).toHaveValue('Untitled experiment')
  const edited = info.outputPath('edited.drainlab.json')
  await writeFile(edited, JSON.stringify(saved))
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('file-menu').click()
  await page.locator('.n-dropdown-option', { hasText: 'Open…' }).click()
  await (await chooser).setFiles(edited)
  await expect(page.getByTestId('input-name')).toHaveValue('Saved by e2e')
  const draftAfter = await page.evaluate(() => JSON.parse(localStorage.getItem('drainlab.draft')!).draft)
  expect(draftAfter).toEqual(saved)
})

test('Kernel shows what each variant includes, with the profile\'s overrides marked', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('status-host')).toContainText('connected')
  await pickPreset(page, '1 kHz control loop')
  const traits = page.getByTestId('variant-traits')
  await expect(traits).toContainText('6.12 (as 6.10 and later)')
  const chunked = traits.locator('tr', { hasText: 'direct-chunked' })
  await expect(chunked).toContainText('free_count / alloc_factor')
  await expect(traits.locator('tr', { hasText: 'direct-irqon' })).toContainText('batch << free_factor')
  // force auto-tuning on: every release runs the 6.7+ code, marked as the profile's
  await page.getByTestId('input-kernel.pcp.autotune').click()
  await page.locator('.n-base-select-option', { hasText: 'on for every variant' }).click()
  await expect(traits.locator('tr', { hasText: 'workqueue' })).toContainText('on (profile)')
  await traits.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screenshots/design-variant-traits.png', fullPage: false })
})

// the UI review: a label that wraps ("Isolated CPUs isolcpus= nohz_full= cpulist") set its input lower than its
// row's other inputs; the fields of a row now share their label, input and help rows
test('the inputs of one row of fields line up when a label in it wraps', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto('/')
  await expect(page.getByTestId('status-host')).toContainText('connected')
  const tops = await Promise.all(['input-machine.cpus', 'input-machine.isolated', 'input-machine.memoryGiB'].map(async (id) => (await page.getByTestId(id).boundingBox())!.y))
  // the isolated CPUs' label takes two lines at this width
  const label = (await page.getByTestId('field-machine.isolated').locator('.head').boundingBox())!
  expect(label.height).toBeGreaterThan(30)
  expect(tops[1]).toBeCloseTo(tops[0], 0)
  expect(tops[2]).toBeCloseTo(tops[0], 0)
})
