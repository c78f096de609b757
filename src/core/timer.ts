/**
 * A one-shot timer that a fresh process can start cheaply. Deno's global `setTimeout` is Node's:
 * its first call loads Node's timers (about 6 ms of CPU, a fifth of a cold start's budget), while
 * `AbortSignal.timeout` runs on the runtime's own timers. Such a timer cannot be cleared and does
 * not keep the process alive: callers let a stale one fire and ignore it.
 * @module
 */

/** Calls `callback` once, no sooner than `ms` milliseconds from now. */
export function after(ms: number, callback: () => void): void {
  AbortSignal.timeout(Math.max(0, Math.ceil(ms))).addEventListener("abort", callback, {
    once: true,
  });
}
