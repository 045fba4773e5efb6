// An async iterable fed from outside, one chunk at a time: `push` resolves
// once the consumer has taken the chunk and asked for the next, which is the
// backpressure an import fed over the contract needs (the UI sends the next
// chunk of the file only when the previous one has been stored).
export class ChunkQueue implements AsyncIterable<string> {
  private pending: { chunk: string; taken: () => void } | null = null
  private waiting: ((r: IteratorResult<string>) => void) | null = null
  private ended = false
  private failure: Error | null = null
  private failWaiting: ((err: Error) => void) | null = null

  push(chunk: string): Promise<void> {
    if (this.ended) return Promise.reject(new Error('the import has finished'))
    if (this.pending) return Promise.reject(new Error('send one chunk at a time'))
    return new Promise((taken) => {
      this.pending = { chunk, taken }
      this.deliver()
    })
  }

  end(): void {
    this.ended = true
    this.deliver()
  }

  fail(err: Error): void {
    this.failure = err
    this.ended = true
    this.pending?.taken()
    this.pending = null
    this.failWaiting?.(err)
  }

  private deliver(): void {
    if (!this.waiting) return
    const resolve = this.waiting
    if (this.pending) {
      const { chunk } = this.pending
      this.waiting = null
      this.failWaiting = null
      resolve({ value: chunk, done: false })
    } else if (this.ended) {
      this.waiting = null
      this.failWaiting = null
      resolve({ value: undefined, done: true })
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return {
      next: () => {
        // Asking for the next chunk means the previous one is done with.
        const previous = this.pending
        this.pending = null
        previous?.taken()
        if (this.failure) return Promise.reject(this.failure)
        return new Promise<IteratorResult<string>>((resolve, reject) => {
          this.waiting = resolve
          this.failWaiting = reject
          this.deliver()
        })
      },
      return: () => {
        this.ended = true
        this.pending?.taken()
        this.pending = null
        return Promise.resolve({ value: undefined, done: true })
      },
    }
  }
}
