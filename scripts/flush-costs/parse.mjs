// Work function durations per CPU from a trace of workqueue:workqueue_execute_start/end (measure.sh):
// n, p50, p90, p99 and max in µs, one line per function and CPU.
import { readFileSync } from 'node:fs'

const open = new Map()
const durations = {}
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  const m = /\[(\d+)\].*?\s(\d+\.\d+): workqueue_execute_(start|end): work struct (\S+?):? (?:function (\S+))?/.exec(line)
  if (m === null) continue
  const [, cpu, ts, kind, work, fn] = m
  const key = cpu + work
  if (kind === 'start') open.set(key, { t: Number(ts), fn })
  else {
    const start = open.get(key)
    if (start === undefined) continue
    open.delete(key)
    ;(durations[`${start.fn}@cpu${cpu}`] ??= []).push((Number(ts) - start.t) * 1e6)
  }
}
for (const [name, v] of Object.entries(durations).sort()) {
  v.sort((a, b) => a - b)
  const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(1)
  console.log(`${name.padEnd(40)} n ${String(v.length).padStart(4)}  p50 ${q(0.5)}  p90 ${q(0.9)}  p99 ${q(0.99)}  max ${v[v.length - 1].toFixed(1)} µs`)
}
