// One event of the Chrome trace-event JSON format (what Perfetto and chrome://tracing open): complete
// slices ('X'), instants ('i'), metadata ('M') and flow arrows ('s' start, 'f' finish).
export interface TraceEvent {
  name: string
  ph: 'X' | 'M' | 'i' | 's' | 'f'
  pid: number
  tid: number
  ts?: number
  dur?: number
  cat?: string
  /** an instant's scope: thread, process or global */
  s?: 't' | 'p' | 'g'
  /** a flow's id, shared by its start and its finish */
  id?: number
  /** a flow finish binds to the slice enclosing it ('e'), not to the next one */
  bp?: 'e'
  args?: Record<string, unknown>
}

/** Trace-event timestamps are µs; fractions keep the ns precision. */
export const us = (ns: number) => ns / 1000
