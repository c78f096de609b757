/**
 * The memory rows of `deno task bench`: resident memory with many open streams and after they
 * end, after bursts of cancelled streams, and at the peak of a gigantic upstream answer. Each
 * server runs under `probe.ts` (a forced GC and `Deno.memoryUsage()` on a side port).
 * @module
 */

import type { FakeReply } from "../src/fake/server.ts";
import type { GenerateContentResponse } from "../src/gemini/types.ts";
import { freePort, type Server, type ServerSpec, sleep, startServer } from "./process.ts";
import { CHAT, CHAT_STREAM, OPENAI_TEXT, sender } from "./scenarios.ts";

const MB = 1024 * 1024;
const PROBE = new URL("./probe.ts", import.meta.url).pathname;

/** A server with its memory probe. */
export interface ProbedServer extends Server {
  /** `Deno.memoryUsage()` in the server, after a full GC when `gc`. */
  memory(gc?: boolean): Promise<Deno.MemoryUsage>;
}

/** Starts `spec` under the probe, in front of the fake Gemini at `fakeUrl`. */
export async function startProbed(spec: ServerSpec, fakeUrl: string): Promise<ProbedServer> {
  const probePort = freePort();
  const server = await startServer(
    {
      ...spec,
      script: PROBE,
      env: { ...spec.env, BENCH_MAIN: `file://${spec.script}`, PROBE_PORT: String(probePort) },
    },
    { GEMINI_BASE_URL: fakeUrl },
    (url) => fetch(`${url}/health`),
    ["--v8-flags=--expose-gc"],
  );
  return {
    ...server,
    async memory(gc = false) {
      const response = await fetch(`http://127.0.0.1:${probePort}/memory${gc ? "?gc" : ""}`);
      return await response.json();
    },
  };
}

/** Queues scripted replies in the fake Gemini (see `fake.ts`). */
export async function queueReplies(controlUrl: string, replies: FakeReply[]): Promise<void> {
  const response = await fetch(`${controlUrl}/reply`, {
    method: "POST",
    body: JSON.stringify(replies),
  });
  await response.body?.cancel();
}

const chunk = (text: string, finishReason?: string): GenerateContentResponse => ({
  candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, finishReason }],
});

/** A stream that sends its first text at once and ends `holdMs` later. */
const heldStream = (holdMs: number): FakeReply => ({
  chunks: [chunk("Held "), chunk("open.", "STOP")],
  delayMs: holdMs,
});

/** Opens `count` streamed chats at once, each read up to its first text. */
async function openStreams(
  server: Server,
  count: number,
): Promise<ReadableStreamDefaultReader<Uint8Array>[]> {
  const send = sender(server.url, CHAT_STREAM);
  return await Promise.all(Array.from({ length: count }, async () => {
    const response = await send();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    while (!OPENAI_TEXT.test(seen)) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`${server.name}: a held stream ended early: ${seen}`);
      seen += decoder.decode(value);
    }
    return reader;
  }));
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  while (!(await reader.read()).done);
}

/** Resident memory with `count` open streams, after they ended, and after a GC. */
export interface OpenStreamsRow {
  server: string;
  idle: Deno.MemoryUsage;
  openRss: number;
  /** While the streams are open, without a GC. */
  open: Deno.MemoryUsage;
  endedRss: number;
  afterGc: Deno.MemoryUsage;
}

/**
 * Holds `count` streams open through `server` (the fake sends the first text at once and the
 * end `holdMs` later), reading memory while they are open, after they ended and after a GC.
 */
export async function measureOpenStreams(
  server: ProbedServer,
  controlUrl: string,
  count: number,
  holdMs: number,
): Promise<OpenStreamsRow> {
  await warm(server);
  const idle = await server.memory(true);
  await queueReplies(controlUrl, Array.from({ length: count }, () => heldStream(holdMs)));
  const readers = await openStreams(server, count);
  const openRss = server.rssBytes();
  const open = await server.memory();
  await Promise.all(readers.map(drain));
  await sleep(500);
  const endedRss = server.rssBytes();
  const afterGc = await server.memory(true);
  return { server: server.name, idle, openRss, open, endedRss, afterGc };
}

/** Memory after each burst of cancelled streams, after a pause, and after a GC. */
export interface BurstsRow {
  server: string;
  idle: Deno.MemoryUsage;
  bursts: Deno.MemoryUsage[];
  paused: Deno.MemoryUsage;
  afterGc: Deno.MemoryUsage;
}

/**
 * `bursts` times: opens `count` streams, reads each up to its first text, then cancels them all
 * (the client goes away mid-stream); memory is read after each burst, after `pauseMs`, and
 * after a forced GC.
 */
export async function measureBursts(
  server: ProbedServer,
  controlUrl: string,
  { bursts, count, pauseMs }: { bursts: number; count: number; pauseMs: number },
): Promise<BurstsRow> {
  await warm(server);
  const idle = await server.memory(true);
  const after: Deno.MemoryUsage[] = [];
  for (let burst = 0; burst < bursts; burst++) {
    await queueReplies(controlUrl, Array.from({ length: count }, () => heldStream(60_000)));
    const readers = await openStreams(server, count);
    await Promise.all(readers.map((reader) => reader.cancel()));
    await sleep(200);
    after.push(await server.memory());
  }
  await sleep(pauseMs);
  const paused = await server.memory();
  const afterGc = await server.memory(true);
  return { server: server.name, idle, bursts: after, paused, afterGc };
}

/** How a server fared against one gigantic upstream answer. */
export interface GiganticRow {
  case: string;
  server: string;
  status: number;
  ms: number;
  idleRss: number;
  peakRss: number;
}

/** The gigantic upstream cases of issue 9: what the client is sent, what the fake answers. */
export const GIGANTIC_CASES = [
  { case: "200 MB JSON answer", request: CHAT, reply: { gigantic: 200_000_000 } },
  { case: "one 200 MB SSE event", request: CHAT_STREAM, reply: { gigantic: 200_000_000 } },
];

/** Sends each gigantic case through `server`, reading its status, time and peak memory. */
export async function measureGigantic(
  server: ProbedServer,
  controlUrl: string,
): Promise<GiganticRow[]> {
  await warm(server);
  const rows: GiganticRow[] = [];
  for (const { case: name, request, reply } of GIGANTIC_CASES) {
    await server.memory(true);
    const idleRss = server.rssBytes();
    server.resetPeak();
    await queueReplies(controlUrl, [reply]);
    const begin = performance.now();
    const response = await sender(server.url, request)();
    await response.arrayBuffer();
    const ms = performance.now() - begin;
    rows.push({
      case: name,
      server: server.name,
      status: response.status,
      ms,
      idleRss,
      peakRss: server.peakRssBytes(),
    });
  }
  return rows;
}

/** A few requests of each kind, so that idle memory is read after the code is compiled. */
async function warm(server: Server): Promise<void> {
  for (let i = 0; i < 20; i++) {
    for (const request of [CHAT, CHAT_STREAM]) {
      await (await sender(server.url, request)()).arrayBuffer();
    }
  }
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number) => (bytes / MB).toFixed(1);
