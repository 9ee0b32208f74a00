import { defineConfig } from '@playwright/test'

// Real Debian Chromium against the real browser host (`drainlab serve`); never `playwright install`.
const port = Number(process.env.DRAINLAB_E2E_PORT ?? 7399)

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list'], ['./scripts/pw-summary-reporter.ts']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic']
    }
  },
  webServer: {
    command: `node bin/drainlab.mjs serve --port ${port} --data-dir test-results/e2e-data`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe'
  },
  projects: [{ name: 'debian-chromium', use: { browserName: 'chromium', headless: true } }]
})
