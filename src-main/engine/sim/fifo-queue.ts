// A first-in first-out queue with a head index: Array.shift() copies the array every time, and thousands of
// calls may wait behind a stalled drain or flush. Compacts once the consumed head is most of it.
export class FifoQueue<T> {
  private items: T[] = []
  private head = 0

  get length(): number {
    return this.items.length - this.head
  }

  push(item: T): void {
    this.items.push(item)
  }

  /** The oldest item; only when length > 0. */
  shift(): T {
    const item = this.items[this.head++]
    if (this.head > 1024 && 2 * this.head > this.items.length) {
      this.items = this.items.slice(this.head)
      this.head = 0
    }
    return item
  }

  /** The waiting items, oldest first. */
  toArray(): T[] {
    return this.items.slice(this.head)
  }
}
