/* global window, document, requestAnimationFrame, MutationObserver */
// (the globals above are used inside page.evaluate callbacks, which run in Chromium)
// npm run bench:ui — the renderer benchmark in Debian's Chromium (issue 5):
//   1. frame times while zooming and panning a 1 000 000-point series (the app's interactive chart),
//   2. time from load to interactive of the app served by `drainlab serve`,
//   3. frame times while a run streams progress into the Run view,
//   4. frames per second of the run timeline's canvas (drawTimeline) with ~100 000 segments, zooming and panning.
// Results are printed and written to BENCHMARKS.md under "## Renderer" (1–3) and "## Renderer: timeline" (4),
// those sections only. `npm run bench:ui -- timeline` runs only the timeline's.
import { spawn, spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

const root = resolve(import.meta.dirname, '../..')
const pageDir = join(root, 'bench-results/ui-page')
const CHROMIUM = '/usr/bin/chromium'
const APP_PORT = Number(process.env.BENCH_UI_PORT ?? 7431)
const onlyTimeline = process.argv[2] === 'timeline'

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`)
}

/** Frame intervals → fps and percentiles (ms). */
function frameStats(frames) {
  const d = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b)
  if (d.length === 0) return { frames: 0, fps: 0, p50: NaN, p95: NaN, max: NaN }
  const q = (p) => d[Math.min(d.length - 1, Math.floor(p * d.length))]
  const span = frames.at(-1) - frames[0]
  return { frames: frames.length, fps: (d.length / span) * 1000, p50: q(0.5), p95: q(0.95), max: d.at(-1) }
}

function staticServer(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }
  const server = createServer(async (req, res) => {
    const path = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/chart-bench.html'))
    if (!path.startsWith(dir)) return res.writeHead(403).end()
    try {
      const body = await readFile(path)
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function chartBench(browser) {
  const server = await staticServer(pageDir)
  const page = await browser.newPage({ viewport: { width: 1280, height: 600 } })
  await page.goto(`http://127.0.0.1:${server.address().port}/`)
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 })
  const info = await page.evaluate(() => ({ points: window.bench.points, generatedMs: window.bench.generatedMs, firstDrawMs: window.bench.firstDrawMs }))
  const box = await page.locator('#chart').boundingBox()
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  await page.mouse.move(cx, cy)
  const phase = async (name, act) => {
    await page.evaluate(() => window.bench.start())
    await act()
    await page.waitForTimeout(100)
    const frames = await page.evaluate(() => window.bench.stop())
    return { name, ...frameStats(frames), drawn: await page.evaluate(() => window.bench.drawnPoints()), x: await page.evaluate(() => window.bench.visibleX()) }
  }
  const wheel = (dy, n) => async () => {
    for (let i = 0; i < n; i++) {
      await page.mouse.wheel(0, dy)
      await page.waitForTimeout(16)
    }
  }
  const results = []
  results.push(await phase('zoom in (40 wheel steps)', wheel(-100, 40)))
  results.push(await phase('pan (drag 600 px)', async () => {
    await page.mouse.down()
    for (let i = 0; i < 60; i++) {
      await page.mouse.move(cx - i * 10, cy)
      await page.waitForTimeout(16)
    }
    await page.mouse.up()
  }))
  results.push(await phase('zoom out (40 wheel steps)', wheel(100, 40)))
  await page.close()
  server.close()
  return { info, results }
}

/** Draw time per frame → percentiles (ms). */
function drawStats(drawMs) {
  const d = [...drawMs].sort((a, b) => a - b)
  const q = (p) => d[Math.min(d.length - 1, Math.floor(p * d.length))]
  return { drawP50: q(0.5), drawP95: q(0.95), drawMax: d.at(-1) }
}

async function timelineBench(browser) {
  const server = await staticServer(pageDir)
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.goto(`http://127.0.0.1:${server.address().port}/timeline-bench.html`)
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 120_000 })
  const info = await page.evaluate(() => {
    const { segments, records, lanes, width, height, layOutMs, phases } = window.tbench
    return { segments, records, lanes, width, height, layOutMs, phases }
  })
  const results = []
  for (let i = 0; i < info.phases.length; i++) {
    const { frames, drawMs } = await page.evaluate((k) => window.tbench.run(k), i)
    results.push({ name: info.phases[i], ...frameStats(frames), ...drawStats(drawMs) })
  }
  await page.close()
  server.close()
  return { info, results }
}

async function appBench(browser) {
  const serve = spawn(process.execPath, ['bin/drainlab.mjs', 'serve', '--port', String(APP_PORT), '--data-dir', 'bench-results/ui-data'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((ok, fail) => {
    serve.stdout.on('data', (b) => { if (String(b).includes('serving at')) ok() })
    serve.on('exit', (code) => fail(new Error(`drainlab serve exited (${code})`)))
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const loads = []
    for (let i = 0; i < 5; i++) {
      await page.goto(`http://127.0.0.1:${APP_PORT}/`)
      await page.waitForFunction(() => document.querySelector('[data-testid="status-host"]')?.getAttribute('data-state') === 'open' && document.querySelector('[data-testid="cpu-map"]') !== null)
      loads.push(await page.evaluate(() => ({
        interactive: performance.now(),
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN
      })))
    }
    // a run streaming progress: the stress-test preset for 10 s of simulated time, frames recorded meanwhile
    await page.getByTestId('preset-picker').click()
    await page.locator('.n-base-select-option', { hasText: 'Stress test' }).first().click()
    await page.getByTestId('input-run.durationMs').fill('10000')
    await page.evaluate(() => {
      window.__frames = []
      window.__updates = 0
      const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick) }
      requestAnimationFrame(tick)
      new MutationObserver(() => { window.__updates++ }).observe(document.body, { subtree: true, characterData: true, childList: true })
    })
    const started = Date.now()
    await page.getByTestId('design-run').click()
    await page.getByTestId('run-finished').waitFor({ timeout: 60_000 }).catch(async () => { await page.getByTestId('run-cancel').click() })
    const runMs = Date.now() - started
    const streamed = await page.evaluate(() => { window.__stop = true; return { frames: window.__frames, updates: window.__updates } })
    await page.close()
    return { loads, run: { runMs, updates: streamed.updates, ...frameStats(streamed.frames) } }
  } finally {
    serve.kill('SIGTERM')
  }
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—')

function report({ chart, app }, date) {
  const lines = [
    '## Renderer',
    '',
    `Command: \`npm run bench:ui\` (scripts/bench-ui/run-bench.mjs) — ${date}, Debian Chromium headless (\`--disable-gpu\`, software rendering), ${cpus().length} vCPU (${cpus()[0]?.model ?? 'unknown'}), 1-minute load average ${loadavg()[0].toFixed(2)} at the end.`,
    '',
    `Chart: the app's interactive chart (src-renderer/src/charts/interactive-chart.ts) on a synthetic ${chart.info.points.toLocaleString('en-US')}-point series, 1200×500 px canvas; series generated in ${ms(chart.info.generatedMs)} ms, first draw (columns + min-max decimation + Chart.js) ${ms(chart.info.firstDrawMs)} ms. Goal: ≥ 30 frames per second while zooming.`,
    '',
    '| phase | frames/s | frame p50 (ms) | frame p95 (ms) | worst frame (ms) | points drawn after |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...chart.results.map((r) => `| ${r.name} | ${r.fps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${r.drawn.toLocaleString('en-US')} |`),
    '',
    `App (\`drainlab serve\`, built renderer): load → interactive (status bar connected, Design form and CPU map rendered), 5 loads: ${app.loads.map((l) => ms(l.interactive)).join(', ')} ms; first contentful paint ${app.loads.map((l) => ms(l.fcp)).join(', ')} ms.`,
    '',
    `While a run streams progress ("Stress test" preset, 10 s simulated, run took ${(app.run.runMs / 1000).toFixed(1)} s wall, ${app.run.updates} DOM updates): ${app.run.fps.toFixed(1)} frames/s, frame p50 ${ms(app.run.p50)} ms, p95 ${ms(app.run.p95)} ms, worst ${ms(app.run.max)} ms.`,
    ''
  ]
  return lines.join('\n')
}

function timelineReport({ info, results }, date, loadBefore) {
  return [
    '## Renderer: timeline',
    '',
    `Command: \`npm run bench:ui -- timeline\` (scripts/bench-ui/run-bench.mjs) — ${date}, Debian Chromium headless (\`--disable-gpu\`, software rendering), ${cpus().length} vCPU (${cpus()[0]?.model ?? 'unknown'}), load average (/proc/loadavg 1, 5, 15 min) ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before and ${loadavg().map((l) => l.toFixed(2)).join(' ')} after; the machine is shared, other work ran meanwhile.`,
    '',
    `Timeline: Results → Timeline's own lay-out and drawTimeline (src-renderer/src/timeline/) on a real run timeline — the 1 kHz control-loop preset under workqueue, 8.2 s, seed 1: ${info.segments.toLocaleString('en-US')} segments, ${info.records.toLocaleString('en-US')} records with the instants, ${info.lanes} lanes — on a ${info.width}×${info.height} px canvas, redrawn every animation frame while the view changes; laid out once in ${ms(info.layOutMs)} ms. Goal (issue 14): ≥ 30 frames per second with 100 000 segments.`,
    '',
    '| phase | frames/s | frame p50 (ms) | frame p95 (ms) | worst frame (ms) | draw p50 (ms) | draw p95 (ms) | worst draw (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.name} | ${r.fps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.drawP50)} | ${ms(r.drawP95)} | ${ms(r.drawMax)} |`),
    ''
  ].join('\n')
}

async function writeSection(heading, section) {
  const path = join(root, 'BENCHMARKS.md')
  const text0 = await readFile(path, 'utf8').catch(() => '# Benchmarks\n')
  let text = text0
  const start = text.indexOf(`\n${heading}\n`)
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1)
    text = text.slice(0, start + 1) + section + (next >= 0 ? text.slice(next + 1) : '')
  } else {
    text = `${text.replace(/\n*$/, '\n\n')}${section}`
  }
  await writeFile(path, text)
}

const loadBefore = loadavg()
const date = () => new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
run('npx', ['vite', 'build', '-c', 'scripts/bench-ui/vite.bench.config.mjs'])
run('npx', ['tsx', 'scripts/bench-ui/timeline-data.ts', pageDir])
if (!onlyTimeline) run('npx', ['electron-vite', 'build'])
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
try {
  if (!onlyTimeline) {
    const chart = await chartBench(browser)
    const app = await appBench(browser)
    const section = report({ chart, app }, date())
    console.log(section)
    await writeSection('## Renderer', section)
  }
  const timeline = timelineReport(await timelineBench(browser), date(), loadBefore)
  console.log(timeline)
  await writeSection('## Renderer: timeline', timeline)
} finally {
  await browser.close()
}
