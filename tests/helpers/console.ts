/**
 * Captures what the code under test prints, to check what reaches the logs.
 * @module
 */

const METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Everything printed through `console` while it is alive; disposing restores `console`. */
export interface CapturedConsole extends Disposable {
  /** One entry per call, its arguments formatted as `console` would print them. */
  lines: string[];
}

/** Starts capturing `console.log`, `info`, `warn`, `error` and `debug`. */
export function captureConsole(): CapturedConsole {
  const lines: string[] = [];
  const saved = METHODS.map((method) => console[method]);
  for (const method of METHODS) {
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((arg) => typeof arg === "string" ? arg : Deno.inspect(arg)).join(" "));
    };
  }
  return {
    lines,
    [Symbol.dispose]() {
      METHODS.forEach((method, index) => console[method] = saved[index]);
    },
  };
}
