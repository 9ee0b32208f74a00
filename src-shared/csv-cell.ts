// One CSV cell and row (RFC 4180), for every CSV the lab writes: the export tables (CLI and LabApi
// exportResults) and a chart's data downloaded from the UI, so the two cannot drift apart again.
// A cell is quoted when it holds a comma, a double quote, CR or LF, with its quotes doubled: a bare CR
// splits the row in Excel and in Python's csv module alike. Missing values and non-finite numbers are
// empty cells, which spreadsheets and pandas both read as missing ("NaN" is a number to one, text to
// the other). There is no formula guard (a quote before a leading = + - @): neither writer had one,
// and these files carry numbers for analysis tools, where negative values must stay numbers.

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',')
}

/** A whole table: the header row, then one row per record, each line ended by LF. */
export function csvTable(header: readonly unknown[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map(csvRow).join('\n') + '\n'
}
