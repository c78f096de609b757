/**
 * A one-shot timer that a fresh process starts cheaply. Deno's global `setTimeout` is Node's: its
 * first call loads Node's timers (about 6 ms of CPU, a fifth of a cold start's budget), while
 * `AbortSignal.timeout` runs on the runtime's own timers. Such a timer cannot be cleared: a
 * stopped {@linkcode Timer} stops listening to it (which no longer keeps the process alive) and
 * takes it back when started again before it is due.
 * @module
 */

/** Calls its callback once per {@linkcode Timer.start}, unless stopped first. */
export class Timer {
  readonly #fire: () => void;
  #signal: AbortSignal | undefined;
  #started = false;

  constructor(callback: () => void) {
    this.#fire = () => {
      this.#signal = undefined;
      this.#started = false;
      callback();
    };
  }

  /**
   * Calls the callback after `ms` milliseconds, or sooner when a timer this one started before
   * (with a delay no longer than `ms`) is still pending; nothing when already started.
   */
  start(ms: number): void {
    if (this.#started) return;
    this.#started = true;
    if (!this.#signal || this.#signal.aborted) {
      this.#signal = AbortSignal.timeout(Math.max(0, Math.ceil(ms)));
    }
    this.#signal.addEventListener("abort", this.#fire);
  }

  /** The callback is not called, until started again. */
  stop(): void {
    if (!this.#started) return;
    this.#started = false;
    this.#signal!.removeEventListener("abort", this.#fire);
  }
}
