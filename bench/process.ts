/**
 * The bench's servers as child processes on loopback, and what `/proc` says about them: CPU
 * time, resident memory and its peak.
 * @module
 */

/** Clock ticks per second of `/proc/<pid>/stat` times (`getconf CLK_TCK`, 100 on Linux). */
const CLOCK_TICKS = 100;
/** Bytes per page of `/proc/<pid>/statm`. */
const PAGE_BYTES = 4096;

/** What to start: a Deno script, its permissions and environment. */
export interface ServerSpec {
  /** Shown in the tables. */
  name: string;
  /** The script, absolute path. */
  script: string;
  /** The `deno.json` it runs with (its checkout's). */
  config: string;
  /** Environment added to the bench's (`PORT` and `GEMINI_BASE_URL` are set by the bench). */
  env?: Record<string, string>;
}

/** A running child process. */
export interface Server {
  name: string;
  pid: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Milliseconds from spawn to the first answered request. */
  startMs: number;
  /** User + system CPU time so far, in microseconds. */
  cpuMicros(): number;
  /**
   * CPU time so far of the threads alive now, in microseconds, to the nanosecond
   * (each `/proc/<pid>/task/<tid>/schedstat`): for short spans such as a start, where clock ticks are
   * too coarse.
   */
  threadsCpuMicros(): number;
  /** Resident memory now, in bytes. */
  rssBytes(): number;
  /** Peak resident memory since the last {@linkcode resetPeak}, in bytes. */
  peakRssBytes(): number;
  /** Starts a new peak (`/proc/<pid>/clear_refs`). */
  resetPeak(): void;
  close(): Promise<void>;
}

/** A free loopback port. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Spawns `deno run` on `spec` with `flags`, then sends `ready` (a request to the child's origin)
 * until it is answered with success, and reports how long that took.
 */
export async function startServer(
  spec: ServerSpec,
  env: Record<string, string>,
  ready: (url: string) => Promise<Response>,
  flags: string[] = [],
): Promise<Server> {
  const port = env.PORT ?? String(freePort());
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      `--config=${spec.config}`,
      ...flags,
      spec.script,
    ],
    env: { ...spec.env, ...env, PORT: port },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const pid = child.pid;
  passOn(child.stderr, spec.name);
  let startMs = NaN;
  for (let attempt = 0; attempt < 20_000; attempt++) {
    try {
      const response = await ready(url);
      await response.body?.cancel();
      if (response.ok) {
        startMs = performance.now() - started;
        break;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(attempt < 1000 ? 1 : 20);
  }
  if (Number.isNaN(startMs)) {
    child.kill();
    throw new Error(`${spec.name} (${spec.script}) did not start`);
  }
  return {
    name: spec.name,
    pid,
    url,
    startMs,
    cpuMicros() {
      const fields = Deno.readTextFileSync(`/proc/${pid}/stat`).split(") ")[1].split(" ");
      // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
      return (Number(fields[11]) + Number(fields[12])) * 1_000_000 / CLOCK_TICKS;
    },
    threadsCpuMicros() {
      let nanos = 0;
      for (const task of Deno.readDirSync(`/proc/${pid}/task`)) {
        try {
          nanos += Number(
            Deno.readTextFileSync(`/proc/${pid}/task/${task.name}/schedstat`).split(" ")[0],
          );
        } catch {
          // The thread ended meanwhile.
        }
      }
      return nanos / 1000;
    },
    rssBytes() {
      return Number(Deno.readTextFileSync(`/proc/${pid}/statm`).split(" ")[1]) * PAGE_BYTES;
    },
    peakRssBytes() {
      const status = Deno.readTextFileSync(`/proc/${pid}/status`);
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    resetPeak() {
      Deno.writeTextFileSync(`/proc/${pid}/clear_refs`, "5");
    },
    async close() {
      try {
        child.kill();
      } catch {
        // Already gone.
      }
      await child.status;
    },
  };
}

/** Prints what a child writes to stderr, prefixed with its name, but for its "Listening on". */
async function passOn(stderr: ReadableStream<Uint8Array>, name: string): Promise<void> {
  let rest = "";
  for await (const text of stderr.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith("Listening on")) console.error(`[${name}] ${line}`);
    }
  }
}
