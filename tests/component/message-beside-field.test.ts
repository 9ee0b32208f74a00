// Under a labelled form field, a schema message names the field by its label, not its key (design/message-beside-field.ts).
import { describe, expect, it } from 'vitest'
import { messageBesideField } from '../../src-renderer/src/design/message-beside-field'

describe('messageBesideField', () => {
  it('names the field by its label where the message starts with its key', () => {
    expect(messageBesideField('durationMs must be at least 0.001 ms (1 µs)', 'run.durationMs', 'Duration')).toBe('Duration must be at least 0.001 ms (1 µs)')
    expect(messageBesideField('batchScaleMax is 0..6', 'kernel.pcp.batchScaleMax', 'Batch scale max')).toBe('Batch scale max is 0..6')
  })

  it('leaves a message about another field, one that only begins like the key, or a field without a label as it is', () => {
    expect(messageBesideField('the warm-up must be shorter than the run', 'run.warmupMs', 'Warm-up')).toBe('the warm-up must be shorter than the run')
    expect(messageBesideField('timerLatencyMaxNs must be at least timerLatencyMinNs', 'kernel.costs.timerLatencyMinNs', 'Timer latency min')).toBe('timerLatencyMaxNs must be at least timerLatencyMinNs')
    expect(messageBesideField('durationMsX is wrong', 'run.durationMs', 'Duration')).toBe('durationMsX is wrong')
    expect(messageBesideField('durationMs must be at least 0.001 ms', 'run.durationMs', undefined)).toBe('durationMs must be at least 0.001 ms')
  })
})
