// Pushed lab events (run progress, run finished) go to every open window of the desktop app and every
// open tab of the browser host the same way: one subscription per event for the host's lifetime, each
// event handed to the targets open at that moment.
import { LAB_EVENTS, type LabClient, type LabEvent, type LabEvents } from '../../src-shared/api'

export interface LabEventMessage<E extends LabEvent = LabEvent> {
  event: E
  payload: LabEvents[E]
}

export interface LabEventTargets<T> {
  /** the targets open when an event is pushed */
  current(): Iterable<T>
  deliver(target: T, message: LabEventMessage): void
  /**
   * A target that is behind (unsent data piling up) skips runProgress: each snapshot replaces the one
   * before, so a skipped one is not missed. runFinished always goes; the page would otherwise wait forever.
   */
  isBehind?(target: T): boolean
}

/** Subscribes to every lab event; the returned function unsubscribes. */
export function fanOutLabEvents<T>(lab: Pick<LabClient, 'on'>, targets: LabEventTargets<T>): () => void {
  const unsubscribe = LAB_EVENTS.map((event) =>
    lab.on(event, (payload) => {
      for (const target of targets.current()) {
        if (event === 'runProgress' && targets.isBehind?.(target)) continue
        targets.deliver(target, { event, payload })
      }
    })
  )
  return () => {
    for (const off of unsubscribe) off()
  }
}
