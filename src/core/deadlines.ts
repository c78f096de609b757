/**
 * Timeouts of one fixed delay on one timer: every upstream call and every stream's first-event
 * wait has one, almost all are cancelled long before they are due, and a timer each (a `Timeout`
 * object, its scheduling and clearing) costs more CPU per request than a queue entry.
 * @module
 */

import { Timer } from "./timer.ts";

/** One scheduled callback; `callback` is dropped when cancelled. */
interface Entry {
  due: number;
  callback: (() => void) | undefined;
}

/**
 * Callbacks due `delayMs` after they are scheduled, in the order scheduled (one delay, so the
 * first scheduled is the first due), on at most one timer at a time.
 */
export class Deadlines {
  readonly #delayMs: number;
  #queue: Entry[] = [];
  /** Index of the first entry still in the queue. */
  #head = 0;
  readonly #timer = new Timer(() => this.#fire());
  /** Entries neither called nor cancelled. */
  #live = 0;

  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  /** Calls `callback` after the delay, unless the function returned is called first. */
  schedule(callback: () => void): () => void {
    const entry: Entry = { due: performance.now() + this.#delayMs, callback };
    this.#queue.push(entry);
    this.#live++;
    this.#timer.start(this.#delayMs);
    return () => {
      if (entry.callback === undefined) return;
      entry.callback = undefined;
      this.#live--;
      this.#trim();
    };
  }

  /**
   * Drops the cancelled entries at the head, and all of them once they are most of the queue
   * (a call that runs long keeps its entry at the head); stops the timer when none is left.
   */
  #trim(): void {
    const queue = this.#queue;
    while (this.#head < queue.length && queue[this.#head].callback === undefined) this.#head++;
    if (this.#head === queue.length) {
      this.#queue = [];
      this.#head = 0;
      this.#timer.stop();
    } else if (queue.length - this.#head >= 1024 && this.#live * 2 < queue.length - this.#head) {
      this.#queue = queue.filter((entry, index) => index >= this.#head && entry.callback);
      this.#head = 0;
    }
  }

  #fire(): void {
    // A timer may fire a fraction of a millisecond before `due` as `performance.now` counts.
    const now = performance.now() + 1;
    const queue = this.#queue;
    const due: Entry[] = [];
    while (this.#head < queue.length && queue[this.#head].due <= now) {
      due.push(queue[this.#head++]);
    }
    this.#trim();
    if (this.#head < this.#queue.length) {
      this.#timer.start(this.#queue[this.#head].due - performance.now());
    }
    // Called last, each unless cancelled meanwhile: a callback may schedule or cancel others.
    for (const entry of due) {
      const callback = entry.callback;
      if (!callback) continue;
      entry.callback = undefined;
      this.#live--;
      callback();
    }
  }
}

const byDelay = new Map<number, Deadlines>();

/** The shared {@linkcode Deadlines} of `delayMs` (one per configured delay). */
export function deadlines(delayMs: number): Deadlines {
  let shared = byDelay.get(delayMs);
  if (!shared) {
    shared = new Deadlines(delayMs);
    byDelay.set(delayMs, shared);
  }
  return shared;
}
