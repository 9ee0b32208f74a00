// Lines of a tracefs "trace" file (kernel/trace/trace_output.c, the default text format):
//   "         python3-600     [000] d..3. 10264.080439: mm_page_pcpu_drain: page=… pfn=0x1f301e order=0 migratetype=1"
// TASK-PID, with options/record-tgid the thread group "(  TGID)", [CPU], the flags, the timestamp, the event
// and its text. The timestamp is seconds.µs for a
// clock in ns (local, mono) and a raw count for a counter clock (x86-tsc): the caller says which and how
// to turn it into ns.

export interface TraceEvent {
  comm: string
  pid: number
  /** the process the thread belongs to, when the trace records it (options/record-tgid); else null */
  tgid: number | null
  cpu: number
  /** the timestamp as printed: µs for a seconds.µs clock, counts for a counter clock */
  stamp: number
  event: string
  body: string
  line: number
}

const LINE = /^\s*(.+)-(\d+)\s+(?:\(\s*(\d+|-+)\)\s+)?\[(\d+)\]\s+\S+\s+(\d+)(?:\.(\d{6}))?:\s+([a-z_0-9]+):\s?(.*)$/

export function parseTraceEvents(text: string): TraceEvent[] {
  const events: TraceEvent[] = []
  text.split('\n').forEach((line, i) => {
    if (line.startsWith('#')) return
    const m = LINE.exec(line)
    if (m === null) return
    // seconds.µs as whole µs (exact in a double for 285 years of uptime); a counter as printed
    const stamp = m[6] === undefined ? Number(m[5]) : Number(m[5]) * 1e6 + Number(m[6])
    // "(-------)" is a thread whose group the kernel had not recorded
    const tgid = m[3] === undefined || m[3].startsWith('-') ? null : Number(m[3])
    events.push({ comm: m[1].trim(), pid: Number(m[2]), tgid, cpu: Number(m[4]), stamp, event: m[7], body: m[8], line: i + 1 })
  })
  return events
}
