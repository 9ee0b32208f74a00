// The engine's version, recorded in every result: bump it when the model's semantics change.
// 0.4.1: the presets' results are unchanged (scripts/engine-identity.ts); profiles at the edges now differ:
// a periodic release whose timer wakes after the next period fires at once (it used to be queued in the
// past), and the housekeeping working set is taken from what the zone has left (no negative free pages).
// 0.4.2: a housekeeping CPU's bursts that stay on its own lists are drawn in closed form, not as events
// (model.md §5): the same process in distribution (tests/engine/local-run.test.ts), other draws, so every
// result with housekeeping load differs from 0.4.1 within its run-to-run spread; 10–14× fewer events on the heavy scenario.
export const ENGINE_VERSION = '0.4.2'
