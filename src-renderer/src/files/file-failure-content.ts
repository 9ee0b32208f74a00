// How a failed file action reads in a message: what failed and the lab's message, then, for a profile
// the lab refused, each field issue as `path: message`. In Electron the main process reads the file
// and sends back only the issues, not the document, so this list is where the user learns what to fix.
import { issuePlace } from '@shared/profile/validate'
import { h, type VNodeChild } from 'vue'
import type { StoreError } from '../stores/store-error'

/** A message is a toast, not a report: past this many issues it says how many more there are. */
const SHOWN_ISSUES = 8

export function fileFailureContent(what: string, error: StoreError): () => VNodeChild {
  const issues = error.issues ?? []
  const more = issues.length - SHOWN_ISSUES
  return () => h('div', { 'data-testid': 'file-failure' }, [
    h('div', `${what}: ${error.message}`),
    issues.length > 0 && h('ul', { class: 'file-failure-issues' }, [
      ...issues.slice(0, SHOWN_ISSUES).map((issue) => h('li', `${issuePlace(issue)}: ${issue.message}`)),
      more > 0 && h('li', `… and ${more} more`)
    ]),
    error.code === 'invalid-profile' && h('div', 'Fix these fields in the file, then open it again.')
  ])
}
