/**
 * Runs a server script (`BENCH_MAIN`, a file URL: the gateway's `main.ts` or the relay) with a
 * second listener on `PROBE_PORT` for the memory rows: `GET /memory` answers `Deno.memoryUsage()`,
 * after a full garbage collection with `?gc` (needs `--v8-flags=--expose-gc`, given to this
 * child only).
 * @module
 */

const gc = (globalThis as { gc?: () => void }).gc;

Deno.serve(
  { port: Number(Deno.env.get("PROBE_PORT")), hostname: "127.0.0.1", onListen() {} },
  (request) => {
    if (new URL(request.url).searchParams.has("gc")) {
      gc?.();
      gc?.();
    }
    return Response.json(Deno.memoryUsage());
  },
);
await import(Deno.env.get("BENCH_MAIN")!);
