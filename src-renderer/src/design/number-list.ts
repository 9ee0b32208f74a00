// "1, 2, 3" or "1 2 3" → [1, 2, 3] for list fields such as run.seeds; null when any item is not a whole number.
export function parseNumberList(text: string): number[] | null {
  const items = text.split(/[\s,]+/).filter((s) => s !== '')
  if (!items.every((s) => /^\d+$/.test(s))) return null
  return items.map(Number)
}
