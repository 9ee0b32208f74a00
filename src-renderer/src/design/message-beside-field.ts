// The schema's messages name their field by its key ("durationMs must be at least 0.001 ms"): right for the
// CLI, which prints them after the field's path, but under a form field labelled "Duration" the key reads as
// jargon. Beside the field, the message names the field by its label.

/** `message` as shown under the field at `path` labelled `label`: the field's own key at its start becomes the label. */
export function messageBesideField(message: string, path: string, label: string | undefined): string {
  const key = path.slice(path.lastIndexOf('.') + 1)
  if (label === undefined || key === '' || !message.startsWith(`${key} `)) return message
  return `${label}${message.slice(key.length)}`
}
