// One turn at a time per conversation: each key has a promise chain; different keys run concurrently.
// Pinned by test/host/host.test.ts ("50 messages at once").

/** Runs `fn` after every earlier call with the same key has settled (fulfilled or rejected). */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Conversations with a turn queued or running. */
  get busy(): number {
    return this.tails.size;
  }
}
