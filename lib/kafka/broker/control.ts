/**
 * Error injection as an API (after librdkafka's mock cluster): push N errors
 * for an API key, or make the store fail, so the doctor's and the UI's failure
 * paths can be tested against the real endpoint.
 */
export class BrokerControl {
  private readonly pushed = new Map<number, number[]>();
  /** Requests the endpoint swallows without answering (a peer that "never answers"). */
  private silent = 0;

  /** The next `codes.length` requests of `apiKey` answer with these error codes, in order. */
  pushErrors(apiKey: number, codes: number[]): void {
    this.pushed.set(apiKey, [...(this.pushed.get(apiKey) ?? []), ...codes]);
  }

  /** The injected error for this request, if any (consumed). */
  takeError(apiKey: number): number | undefined {
    const queue = this.pushed.get(apiKey);
    const code = queue?.shift();
    if (queue && queue.length === 0) this.pushed.delete(apiKey);
    return code;
  }

  /** The next `n` requests get no response at all. */
  swallowNext(n: number): void {
    this.silent += n;
  }

  takeSwallow(): boolean {
    if (this.silent <= 0) return false;
    this.silent--;
    return true;
  }

  reset(): void {
    this.pushed.clear();
    this.silent = 0;
  }
}
