// Files the lab wrote and reads back (the history index, a trashed entry, a job saved mid-run) may be
// damaged by a crash or a hand: parsed against their schema, a bad one is null for the caller to handle.
import type { z } from 'zod'

/** A value of `schema` from JSON text, or null when the text is not JSON or not of that shape. */
export function parseJsonWith<T>(schema: z.ZodType<T>, text: string): T | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  const checked = schema.safeParse(parsed)
  return checked.success ? checked.data : null
}
