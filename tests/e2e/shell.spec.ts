// The shell in real Chromium against the real browser host (`drainlab serve`, started by the
// Playwright config's webServer): it loads cleanly, every view is reachable, the status bar names the
// host, both themes apply, and LabApi calls round-trip over the WebSocket.
import { expect, test, type Page } from '@playwright/test'
import { WS_PATH } from '../../src-shared/transport'

const VIEWS = ['design', 'run', 'results', 'compare', 'sweep', 'history'] as const

/** Console errors and uncaught exceptions of the page, collected from before the first load. */
function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  return errors
}

/** One LabApi call over a fresh raw WebSocket from the page, using the wire protocol directly. */
async function rawLabCall(page: Page, method: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const pageUrl = new URL(page.url())
  const socketUrl = `ws://${pageUrl.host}${WS_PATH}${pageUrl.search}`
  return page.evaluate(([socketUrl, method, payload]) => new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl)
    ws.onerror = () => reject(new Error('WebSocket error'))
    ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, method, payload }))
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data))
      if (frame.type !== 'reply' || frame.id !== 1) return
      ws.close()
      resolve(frame)
    }
  }), [socketUrl, method, payload] as const)
}

test('loads with no console errors and reaches all six views', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  await expect(page.getByTestId('status-host')).toHaveAttribute('data-state', 'open')
  for (const view of VIEWS) {
    await page.getByTestId(`nav-${view}`).click()
    await expect(page.getByTestId(`view-${view}`)).toBeVisible()
  }
  // and back: views are places, not one-way doors
  await page.getByTestId('nav-design').click()
  await expect(page.getByTestId('view-design')).toBeVisible()
  expect(errors).toEqual([])
})

test('the status bar shows the browser host and the engine version hostInfo reports', async ({ page }) => {
  await page.goto('/')
  const status = page.getByTestId('status-host')
  await expect(status).toContainText('browser')
  await expect(status).toContainText('connected')
  const reply = await rawLabCall(page, 'hostInfo', {})
  expect(reply.ok).toBe(true)
  const info = reply.value as { host: string; engineVersion: string; appVersion: string }
  expect(info.host).toBe('browser')
  await expect(status).toContainText(`engine ${info.engineVersion}`)
  await expect(status).toContainText(`app ${info.appVersion}`)
})

test('LabApi calls round-trip over the WebSocket, and a bad payload gets an error reply', async ({ page }) => {
  await page.goto('/')
  const presets = await rawLabCall(page, 'listPresets', {})
  expect(presets.ok).toBe(true)
  expect(Array.isArray(presets.value)).toBe(true)
  expect((presets.value as Array<{ id: string; name: string }>).length).toBeGreaterThan(0)
  for (const preset of presets.value as Array<{ id: string; name: string }>) {
    expect(preset.id).toMatch(/\S/)
    expect(preset.name).toMatch(/\S/)
  }
  const refused = await rawLabCall(page, 'cancelRun', { runId: '../../etc' })
  expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
})

test('the theme toggle switches between light and dark', async ({ page }) => {
  const errors = watchErrors(page)
  await page.goto('/')
  const html = page.locator('html')
  const toggle = page.getByTestId('theme-toggle')
  await toggle.click()
  const first = await html.getAttribute('data-theme')
  expect(first === 'dark' || first === 'light').toBe(true)
  await toggle.click()
  await expect(html).toHaveAttribute('data-theme', first === 'dark' ? 'light' : 'dark')
  await toggle.click()
  await expect(html).toHaveAttribute('data-theme', first!)
  expect(errors).toEqual([])
})

test('a page from another origin cannot open the lab WebSocket', async ({ page, baseURL }) => {
  // about:blank has an opaque origin: Chromium sends "Origin: null", which the host must refuse
  await page.goto('about:blank')
  const socketUrl = `${baseURL!.replace(/^http/, 'ws')}${WS_PATH}`
  const outcome = await page.evaluate((url) => new Promise<string>((resolve) => {
    const ws = new WebSocket(url)
    ws.onopen = () => resolve('open')
    ws.onclose = () => resolve('refused')
  }), socketUrl)
  expect(outcome).toBe('refused')
})
