import assert from "node:assert/strict";
import { type RelayLimits, relayLive } from "../../src/live/relay.ts";
import {
  delay,
  type Frame,
  rawWebSocket,
  serveLoopback,
  TestSocket,
} from "../helpers/websocket.ts";

const LIMITS: RelayLimits = { maxBufferedBytes: 1024 * 1024, connectTimeoutMs: 5_000 };
const SECRET = "s3cret-key";

/**
 * A WebSocket server standing in for Gemini: it echoes frames as they came (text as text),
 * records what it received and how it was closed, and obeys commands: `close <code> <reason>`
 * closes, `big <n>` sends n bytes. `delayMs` holds its handshake back.
 */
function fakeUpstream(delayMs = 0) {
  const received: Frame[] = [];
  let onClose!: (event: CloseEvent) => void;
  const closed = new Promise<CloseEvent>((resolve) => onClose = resolve);
  const server = serveLoopback(async (request) => {
    await delay(delayMs);
    const { socket, response } = Deno.upgradeWebSocket(request);
    socket.binaryType = "arraybuffer";
    socket.onclose = onClose;
    socket.onmessage = ({ data }) => {
      received.push(typeof data === "string" ? data : new Uint8Array(data));
      const [command, argument, ...reason] = typeof data === "string" ? data.split(" ") : [];
      if (command === "close" && !argument) socket.close();
      else if (command === "close") socket.close(Number(argument), reason.join(" "));
      else if (command === "big") socket.send(new Uint8Array(Number(argument)));
      else socket.send(data);
    };
    return response;
  });
  return {
    server,
    received,
    closed,
    ws: server.url.replace("http", "ws"),
  };
}

/** A server relaying every WebSocket to `upstreamUrl`. */
function relayServer(upstreamUrl: string, limits = LIMITS) {
  const server = serveLoopback((request) => {
    const { socket, response } = Deno.upgradeWebSocket(request);
    relayLive(socket, new WebSocket(upstreamUrl), limits, SECRET);
    return response;
  });
  return Object.assign(server, { ws: server.url.replace("http", "ws") });
}

/**
 * A TCP server that accepts one connection and never answers its handshake; `dropped` resolves
 * once the peer closes that connection.
 */
function silentUpstream() {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const dropped = listener.accept().then(async (conn) => {
    const buffer = new Uint8Array(4096);
    while (await conn.read(buffer) !== null) {
      // The handshake request; the relay is expected to hang up after it.
    }
    conn.close();
    listener.close();
  });
  return { ws: `ws://127.0.0.1:${listener.addr.port}`, dropped };
}

async function assertClosed(client: TestSocket, code: number, reason: string | RegExp) {
  const event = await client.closed;
  assert.equal(event.code, code);
  if (typeof reason === "string") assert.equal(event.reason, reason);
  else assert.match(event.reason, reason);
}

Deno.test("frames pass both ways unchanged: text as text, binary as binary", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws);
  const client = await TestSocket.connect(relay.ws);
  client.send("hello");
  client.send(new Uint8Array([1, 2, 3]));
  assert.equal(await client.next(), "hello");
  assert.deepEqual(await client.next(), new Uint8Array([1, 2, 3]));
  assert.deepEqual(upstream.received, ["hello", new Uint8Array([1, 2, 3])]);
  await client.close();
  assert.deepEqual([(await upstream.closed).code, (await upstream.closed).reason], [1000, ""]);
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("frames sent before the upstream opens are delivered in order", async () => {
  const upstream = fakeUpstream(150);
  const relay = relayServer(upstream.ws);
  const client = await TestSocket.connect(relay.ws);
  for (const frame of ["one", "two", "three"]) client.send(frame);
  client.send(new Uint8Array([4]));
  assert.deepEqual([await client.next(), await client.next(), await client.next()], [
    "one",
    "two",
    "three",
  ]);
  assert.deepEqual(await client.next(), new Uint8Array([4]));
  assert.deepEqual(upstream.received, ["one", "two", "three", new Uint8Array([4])]);
  await client.close();
  await upstream.closed;
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("the upstream's close reaches the client with its code, the secret blanked", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws);
  const client = await TestSocket.connect(relay.ws);
  client.send(`close 1007 API key not valid: ${SECRET}`);
  await assertClosed(client, 1007, "API key not valid: ***");
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("an upstream close without a status code reaches the client as 1000", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws);
  const client = await TestSocket.connect(relay.ws);
  client.send("close");
  await assertClosed(client, 1000, /without a status code/);
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("the client's close reaches the upstream: 4000s as they are, others as 1000", async () => {
  for (const [code, expected] of [[4001, 4001], [1000, 1000]]) {
    const upstream = fakeUpstream();
    const relay = relayServer(upstream.ws);
    const client = await TestSocket.connect(relay.ws);
    client.send("ready?");
    await client.next();
    await client.close(code, "bye");
    const event = await upstream.closed;
    assert.deepEqual([event.code, event.reason], [expected, "bye"]);
    await relay.shutdown();
    await upstream.server.shutdown();
  }
});

Deno.test("a client vanishing without a close frame closes the upstream", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws);
  const conn = await rawWebSocket(relay.addr.port, "/");
  // A text frame that reaches the upstream proves the relay's own upstream socket is open.
  const mask = [1, 2, 3, 4];
  const payload = [..."hello"].map((char, i) => char.charCodeAt(0) ^ mask[i % 4]);
  await conn.write(new Uint8Array([0x81, 0x80 | payload.length, ...mask, ...payload]));
  while (upstream.received.length === 0) await delay(5);
  conn.close();
  const event = await upstream.closed;
  assert.deepEqual([event.code, event.reason], [1000, "The client's connection was lost."]);
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("a client leaving while the upstream is connecting abandons the attempt", async () => {
  const upstream = silentUpstream();
  const relay = relayServer(upstream.ws);
  const client = await TestSocket.connect(relay.ws);
  await client.close();
  await upstream.dropped;
  await relay.shutdown();
});

Deno.test("an unreachable upstream closes the client with 1011 saying so", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  const relay = relayServer(`ws://127.0.0.1:${port}/ws?key=${SECRET}`);
  const client = await TestSocket.connect(relay.ws);
  await assertClosed(client, 1011, "Gemini's Live API is unreachable: the connection failed.");
  await relay.shutdown();
});

Deno.test("an upstream refusing the handshake closes the client with 1011 and the status", async () => {
  const refusing = serveLoopback(() => new Response("no", { status: 403 }));
  const relay = relayServer(refusing.url.replace("http", "ws"));
  const client = await TestSocket.connect(relay.ws);
  await assertClosed(client, 1011, "Gemini's Live API refused the connection with HTTP 403.");
  await relay.shutdown();
  await refusing.shutdown();
});

Deno.test("an upstream slower than the connect timeout closes the client with 1011", async () => {
  const upstream = silentUpstream();
  const relay = relayServer(upstream.ws, { ...LIMITS, connectTimeoutMs: 50 });
  const client = await TestSocket.connect(relay.ws);
  await assertClosed(
    client,
    1011,
    "Gemini's Live API did not accept the connection within 0.05 s.",
  );
  await upstream.dropped;
  await relay.shutdown();
});

Deno.test("more than the limit waiting for the client closes both sides", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws, { ...LIMITS, maxBufferedBytes: 1024 });
  const client = await TestSocket.connect(relay.ws);
  client.send("big 65536");
  await assertClosed(client, 1008, "The client is not reading fast enough: over 1024 bytes wait.");
  const event = await upstream.closed;
  assert.deepEqual([event.code, event.reason], [1000, "The client is not reading fast enough."]);
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("more than the limit waiting for the upstream closes both sides", async () => {
  const upstream = fakeUpstream();
  const relay = relayServer(upstream.ws, { ...LIMITS, maxBufferedBytes: 1024 });
  const client = await TestSocket.connect(relay.ws);
  client.send("ready?");
  await client.next();
  client.send(new Uint8Array(4096));
  await assertClosed(client, 1008, /^Gemini's Live API is not reading fast enough/);
  assert.equal((await upstream.closed).code, 1000);
  await relay.shutdown();
  await upstream.server.shutdown();
});

Deno.test("more than the limit queued before the upstream opens closes the client", async () => {
  const upstream = silentUpstream();
  const relay = relayServer(upstream.ws, { ...LIMITS, maxBufferedBytes: 1024 });
  const client = await TestSocket.connect(relay.ws);
  client.send("x".repeat(600));
  client.send("y".repeat(600));
  await assertClosed(
    client,
    1008,
    "Over 1024 bytes were sent before Gemini's Live API answered.",
  );
  await upstream.dropped;
  await relay.shutdown();
});
