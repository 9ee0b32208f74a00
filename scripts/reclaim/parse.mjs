// kswapd passes, direct reclaim, pcplist drains and per-CPU pageset samples from measure.sh's output directory
// (trace.txt, zoneinfo.txt, kswapd.pid). A "pass" is kswapd_wake (after a kswapd_sleep) to the next kswapd_sleep:
// it includes the HZ/10 nap kswapd_try_to_sleep() takes before the traced sleep, and several balance_pgdat() calls
// when kswapd is woken again during that nap. A "balance" is one balance_pgdat() call, from its kswapd_wake to
// kswapd's last mm_vmscan_lru_shrink_inactive before it naps: ZONE_RECLAIM_ACTIVE is set roughly over a balance.
import { readFileSync } from 'node:fs'

const dir = process.argv[2]
const KSWAPD = Number(readFileSync(`${dir}/kswapd.pid`, 'utf8'))
const ms = (s) => (s * 1e3).toFixed(1)
const quant = (v, p) => v[Math.min(v.length - 1, Math.floor(p * v.length))]
function dist(v, fmt = (x) => x.toFixed(1)) {
  if (v.length === 0) return 'n 0'
  v = [...v].sort((a, b) => a - b)
  return `n ${v.length}  p10 ${fmt(quant(v, 0.1))}  p50 ${fmt(quant(v, 0.5))}  p90 ${fmt(quant(v, 0.9))}  max ${fmt(v[v.length - 1])}`
}

// --- trace ---
const lineRe = /^\s*(.+?)-(\d+)\s+\[(\d+)\]\s+\S+\s+(\d+\.\d+): (\w+): ?(.*)$/
const ev = []
const lastOnCpu = new Map()
let last = null
for (const line of readFileSync(`${dir}/trace.txt`, 'utf8').split('\n')) {
  if (line.startsWith(' => ')) {
    if (last !== null) last.stack.push(line.slice(4).trim())
    continue
  }
  const m = lineRe.exec(line)
  if (m === null) continue
  const [, comm, pid, cpu, ts, name, body] = m
  if (name === '<stack trace>') {
    // The trigger's stack follows its event on the same CPU; attach it there.
    last = lastOnCpu.get(Number(cpu)) ?? null
    if (last === null || last.name !== 'mm_page_pcpu_drain' || last.stack.length !== 0) last = null
    continue
  }
  const e = { comm, pid: Number(pid), cpu: Number(cpu), t: Number(ts), name, body, stack: [] }
  ev.push(e)
  lastOnCpu.set(e.cpu, e)
  last = null
}

const samplesT = new Map()
const phases = []
for (const e of ev) {
  if (e.name !== 'tracing_mark_write') continue
  let m = /drainlab-sample (\d+)/.exec(e.body)
  if (m) samplesT.set(Number(m[1]), e.t)
  m = /drainlab-phase (\S+)/.exec(e.body)
  if (m) phases.push({ t: e.t, what: m[1] })
}
const t0 = Math.min(...samplesT.values())
const t1 = Math.max(...samplesT.values())
console.log(`trace span ${(t1 - t0).toFixed(1)} s; phases: ${phases.map((p) => `${p.what}@${(p.t - t0).toFixed(1)}s`).join(' ')}`)

// --- kswapd passes and balances ---
const passes = [] // {start, end, balances: [{start, end, cpu}]}
let pass = null
let bal = null
const kswapdCpu = [] // [t, cpu] of kswapd events: the CPU kswapd frees on
for (const e of ev) {
  if (e.pid === KSWAPD) kswapdCpu.push([e.t, e.cpu])
  if (e.name === 'mm_vmscan_kswapd_wake') {
    if (pass === null) { pass = { start: e.t, end: null, balances: [] } }
    bal = { start: e.t, end: e.t, cpu: e.cpu, shrinks: 0 }
    pass.balances.push(bal)
  } else if (e.name === 'mm_vmscan_lru_shrink_inactive' && e.pid === KSWAPD && bal !== null) {
    bal.end = e.t; bal.shrinks++
  } else if (e.name === 'mm_vmscan_kswapd_sleep') {
    if (pass !== null) { pass.end = e.t; passes.push(pass) }
    pass = null; bal = null
  }
}
if (pass !== null) { pass.end = t1; pass.open = true; passes.push(pass) }
const balances = passes.flatMap((p) => p.balances)
const span = t1 - t0
const awake = passes.reduce((s, p) => s + (Math.min(p.end, t1) - Math.max(p.start, t0)), 0)
const active = balances.reduce((s, b) => s + (b.end - b.start), 0)
console.log(`\nkswapd (pid ${KSWAPD}): ${passes.length} passes (wake→sleep)${pass?.open ? ', last one still open at the end' : ''}, ${balances.length} balance_pgdat calls`)
console.log(`  pass duration ms:            ${dist(passes.map((p) => (p.end - p.start) * 1e3))}`)
console.log(`  balance_pgdat calls per pass: ${dist(passes.map((p) => p.balances.length), (x) => String(x))}`)
console.log(`  balance (wake→last shrink) ms: ${dist(balances.map((b) => (b.end - b.start) * 1e3))}`)
console.log(`  awake share ${(100 * awake / span).toFixed(1)} % of ${span.toFixed(1)} s; in balance (≈ ZONE_RECLAIM_ACTIVE) ${(100 * active / span).toFixed(1)} %`)
const orders = {}
for (const e of ev) if (e.name === 'mm_vmscan_kswapd_wake') { const o = /order=(\d+)/.exec(e.body)?.[1]; orders[o] = (orders[o] ?? 0) + 1 }
console.log(`  kswapd_wake by order: ${Object.entries(orders).map(([o, n]) => `order ${o}: ${n}`).join(', ')}`)
for (const ph of phases) {
  const next = phases[phases.indexOf(ph) + 1]?.t ?? t1
  const ps = passes.filter((p) => p.start >= ph.t && p.start < next)
  console.log(`  phase ${ph.what.padEnd(7)} ${(next - ph.t).toFixed(1).padStart(6)} s: ${String(ps.length).padStart(3)} passes, awake ${(100 * ps.reduce((s, p) => s + p.end - p.start, 0) / (next - ph.t)).toFixed(1)} %, pass ms ${dist(ps.map((p) => (p.end - p.start) * 1e3))}`)
}
const wakeups = ev.filter((e) => e.name === 'mm_vmscan_wakeup_kswapd')
const byComm = {}
for (const e of wakeups) byComm[e.comm] = (byComm[e.comm] ?? 0) + 1
console.log(`  wakeup_kswapd events ${wakeups.length}: ${Object.entries(byComm).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([c, n]) => `${c} ${n}`).join(', ')}`)

function enclosing(t) {
  const p = passes.find((x) => x.start <= t && t <= x.end)
  if (p === undefined) return null
  const b = p.balances.find((x) => x.start <= t && t <= x.end)
  return { p, b }
}

// --- direct reclaim ---
const open = new Map()
const direct = []
for (const e of ev) {
  if (e.name === 'mm_vmscan_direct_reclaim_begin') open.set(e.pid, e)
  else if (e.name === 'mm_vmscan_direct_reclaim_end' && open.has(e.pid)) {
    const b = open.get(e.pid); open.delete(e.pid)
    direct.push({ start: b.t, end: e.t, comm: e.comm, pid: e.pid, begin: b.body, result: e.body })
  }
}
console.log(`\ndirect reclaim episodes: ${direct.length}`)
if (direct.length) {
  console.log(`  duration ms: ${dist(direct.map((d) => (d.end - d.start) * 1e3), (x) => x.toFixed(2))}`)
  const c = {}
  for (const d of direct) c[d.comm] = (c[d.comm] ?? 0) + 1
  console.log(`  by comm: ${Object.entries(c).map(([k, n]) => `${k} ${n}`).join(', ')}`)
  const inPass = direct.filter((d) => enclosing(d.start) !== null).length
  console.log(`  began inside a kswapd pass: ${inPass}/${direct.length}; first: ${direct[0].begin} → ${direct[0].result}`)
}

// --- mm_page_pcpu_drain: group per-page events into calls, classify by stack ---
function classify(stack) {
  const s = stack.join(' ')
  if (/__drain_all_pages|drain_all_pages/.test(s)) {
    const caller = stack.find((f) => /__alloc_pages_direct_reclaim|__alloc_pages_slowpath|alloc_contig|offline_pages|compact|memory_failure|\bsysctl|zone_pcp/.test(f))
    return `drain_all_pages${caller ? ' <- ' + caller.split('+')[0] : ''}`
  }
  // __compact_zone() drains its own CPU's pcplist of the zone (lru_add_drain_cpu_zone -> drain_local_pages)
  if (/drain_pages_zone|drain_local_pages|drain_pages\b/.test(s)) return /__compact_zone/.test(s) ? 'drain_local_pages <- compaction' : 'drain_local_pages'
  if (/decay_pcp_high/.test(s)) return 'decay_pcp_high'
  if (/free_frozen_page_commit|free_unref/.test(s)) return 'free path (pcp over high)'
  return stack.length ? `other: ${stack.slice(0, 3).join(' < ')}` : 'no stack'
}
const calls = []
for (const line of readFileSync(`${dir}/pcp-calls.txt`, 'utf8').split('\n')) {
  const m = /^PCPCALL (\d+) (\d+) (\S+) (\S+) (\S+) (\d+) ?(.*)$/.exec(line)
  if (m === null) continue
  const stack = m[7] ? m[7].split('|') : []
  calls.push({ cpu: +m[1], pid: +m[2], comm: m[3], start: +m[4], end: +m[5], pages: +m[6], stack, cls: classify(stack) })
}
calls.sort((a, b) => a.start - b.start)
console.log(`\nmm_page_pcpu_drain (kswapd's own frees filtered out): ${calls.reduce((s, c) => s + c.pages, 0)} page events in ${calls.length} calls (same CPU, pid and stack, gaps < 1 ms)`)
const byCls = {}
for (const c of calls) {
  const x = (byCls[c.cls] ??= { calls: 0, pages: 0, comms: {} })
  x.calls++; x.pages += c.pages; x.comms[c.comm.replace(/\d+$/, 'N')] = (x.comms[c.comm.replace(/\d+$/, 'N')] ?? 0) + 1
}
for (const [k, x] of Object.entries(byCls).sort((a, b) => b[1].pages - a[1].pages)) {
  console.log(`  ${k.padEnd(52)} calls ${String(x.calls).padStart(6)} pages ${String(x.pages).padStart(8)}  comms ${Object.entries(x.comms).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([c, n]) => `${c} ${n}`).join(', ')}`)
}
const drains = calls.filter((c) => c.cls.startsWith('drain'))
console.log(`drain calls: ${drains.length}`)
for (const kind of ['drain_all_pages', 'drain_local_pages']) {
  const ds = drains.filter((d) => d.cls.startsWith(kind))
  const enc = ds.map((d) => [d, enclosing(d.start)])
  const inP = enc.filter(([, e]) => e !== null)
  console.log(`  ${kind}: ${ds.length} calls; in a balance ${inP.filter(([, e]) => e.b).length}, in a pass's nap ${inP.filter(([, e]) => !e.b).length}, outside passes ${ds.length - inP.length}; ` +
    `ms since pass start ${dist(inP.map(([d, e]) => (d.start - e.p.start) * 1e3))}; ms until pass end ${dist(inP.map(([d, e]) => (e.p.end - d.start) * 1e3))}`)
  // the last balance_pgdat() that began before the drain, in this pass or an earlier one: when ZONE_RECLAIM_ACTIVE was last set
  const sinceBalance = ds.flatMap((d) => {
    const last = balances.filter((b) => b.start <= d.start).at(-1)
    return last === undefined ? [] : [(d.start - last.start) * 1e3]
  })
  console.log(`    ms since the last balance began (ZONE_RECLAIM_ACTIVE last set) ${dist(sinceBalance)}`)
}
for (const d of drains.slice(0, 30)) {
  const enc = enclosing(d.start)
  const where = enc === null ? 'outside any kswapd pass'
    : `pass +${ms(d.start - enc.p.start)} ms from its start, ${ms(enc.p.end - d.start)} ms before its end${enc.b ? ` (inside balance #${enc.p.balances.indexOf(enc.b) + 1}, +${ms(d.start - enc.b.start)} ms)` : ' (in the nap, not in a balance)'}`
  const dr = direct.filter((x) => x.pid === d.pid && x.end <= d.start).at(-1)
  console.log(`  t=${(d.start - t0).toFixed(3)}s ${d.comm}-${d.pid} cpu${d.cpu} ${d.cls} pages ${d.pages}: ${where}${dr ? `; ${ms(d.start - dr.end)} ms after its direct reclaim ended` : ''}`)
}

// --- pagesets ---
const samples = [] // {t, cpus: {cpu: {count, high, batch, high_min, high_max}}}
for (const block of readFileSync(`${dir}/zoneinfo.txt`, 'utf8').split('=== ').slice(1)) {
  const n = Number(block.slice(0, block.indexOf('\n')))
  const t = samplesT.get(n)
  if (t === undefined) continue
  const normal = block.split(/^Node \d+, zone\s+/m).find((z) => z.startsWith('Normal'))
  if (!normal) continue
  const cpus = {}
  const free = Number(/pages free\s+(\d+)/.exec(normal)[1])
  const wm = /\bmin\s+(\d+)\s+low\s+(\d+)\s+high\s+(\d+)/.exec(normal)
  for (const m of normal.matchAll(/cpu: (\d+)\s+count:\s+(\d+)\s+high:\s+(\d+)\s+batch:\s+(\d+)\s+high_min:\s+(\d+)\s+high_max:\s+(\d+)/g)) {
    cpus[m[1]] = { count: +m[2], high: +m[3], batch: +m[4], high_min: +m[5], high_max: +m[6] }
  }
  samples.push({ t, n, cpus, free, low: wm ? +wm[2] : null, high: wm ? +wm[3] : null })
}
samples.sort((a, b) => a.t - b.t)
function kswapdCpuAt(t) {
  let lo = 0, hi = kswapdCpu.length - 1, r = null
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (kswapdCpu[mid][0] <= t) { r = kswapdCpu[mid][1]; lo = mid + 1 } else hi = mid - 1 }
  return r
}
for (const s of samples) {
  const enc = enclosing(s.t)
  s.where = enc === null ? 'outside' : enc.b ? 'balance' : 'nap'
  s.bal = enc?.b ?? null
}
const cpuIds = Object.keys(samples[0]?.cpus ?? {})
console.log(`\nNormal zone pagesets: ${samples.length} samples (~${(span / samples.length * 1e3).toFixed(0)} ms apart); balance = inside balance_pgdat, nap = pass but not in a balance`)
console.log(`  zone free pages (Normal): ${dist(samples.map((s) => s.free), (x) => String(x))}; watermarks low ${samples.at(-1)?.low} high ${samples.at(-1)?.high}`)
for (const cpu of cpuIds) {
  const b = samples[0].cpus[cpu].batch
  console.log(`  cpu${cpu}: batch ${b} (4×batch = ${4 * b}), high_min ${samples.at(-1).cpus[cpu].high_min}, high_max ${samples.at(-1).cpus[cpu].high_max}`)
  for (const where of ['outside', 'nap', 'balance']) {
    const v = samples.filter((s) => s.where === where)
    if (!v.length) continue
    const counts = v.map((s) => s.cpus[cpu].count)
    const highs = v.map((s) => s.cpus[cpu].high)
    const le = counts.filter((c) => c <= 4 * b).length
    let extra = ''
    if (where === 'balance') {
      const f = v.filter((s) => kswapdCpuAt(s.t) === Number(cpu))
      const fc = f.map((s) => s.cpus[cpu].count)
      extra = `; samples with kswapd (the freeing task) on this CPU: ${f.length}, count ≤ 4×batch in ${fc.filter((c) => c <= 4 * b).length}, max ${fc.length ? Math.max(...fc) : '-'}`
    }
    console.log(`    ${where.padEnd(8)} n ${String(v.length).padStart(4)}  count p50 ${quant([...counts].sort((a, c) => a - c), 0.5)} max ${Math.max(...counts)}  ≤4×batch ${(100 * le / v.length).toFixed(0)} %  high p50 ${quant([...highs].sort((a, c) => a - c), 0.5)} min ${Math.min(...highs)} max ${Math.max(...highs)}${extra}`)
  }
}
// pcp->high around each balance that has samples: before (last sample before), min inside, first after, 1 s after
console.log(`\npcp->high around balances (Normal zone), per CPU: before → min inside → first sample after → max within 1 s after`)
const balWithSamples = balances.filter((b) => samples.some((s) => s.bal === b))
for (const cpu of cpuIds) {
  const rows = []
  let fell = 0, rose = 0
  for (const b of balWithSamples) {
    const before = samples.filter((s) => s.t < b.start).at(-1)
    const inside = samples.filter((s) => s.bal === b)
    const after = samples.filter((s) => s.t > b.end && s.t <= b.end + 1)
    if (!before || !after.length) continue
    const hb = before.cpus[cpu].high, hi = Math.min(...inside.map((s) => s.cpus[cpu].high))
    const ha = after[0].cpus[cpu].high, hm = Math.max(...after.map((s) => s.cpus[cpu].high))
    if (hi < hb) fell++
    if (hm > hi) rose++
    rows.push(`${hb}→${hi}→${ha}→${hm}`)
  }
  console.log(`  cpu${cpu}: ${rows.length} balances; high fell inside in ${fell}, rose again within 1 s in ${rose}; first 12: ${rows.slice(0, 12).join('  ')}`)
}
