import assert from "node:assert/strict";
import { GoogleGenAI, type LiveServerMessage, Modality } from "npm:@google/genai@3.1.0";
import { loadConfig } from "../../src/config.ts";
import { serveLive } from "../../src/fake/live.ts";
import { LIVE_LIMITS, proxyLive } from "../../src/live/proxy.ts";
import { assertSchema } from "../helpers/openapi.ts";
import { rawWebSocket, serveLoopback, TestSocket } from "../helpers/websocket.ts";

const MODEL = "models/gemini-3.8-live";
const SETUP = JSON.stringify({ setup: { model: MODEL } });

/**
 * Runs `body` with the fake Gemini (or `upstream`) behind the gateway's Live proxy; `paths`
 * lists the paths the gateway was asked for.
 */
async function withProxy(
  body: (gateway: string, paths: string[]) => Promise<void>,
  upstream?: string,
) {
  const fake = serveLoopback(serveLive);
  const config = loadConfig((name) =>
    name === "GEMINI_BASE_URL" ? upstream ?? fake.url : undefined
  );
  const paths: string[] = [];
  const gateway = serveLoopback((request) => {
    paths.push(new URL(request.url).pathname);
    return proxyLive(request, config);
  });
  try {
    await body(gateway.url, paths);
  } finally {
    await gateway.shutdown();
    await fake.shutdown();
  }
}

const ws = (url: string) => url.replace("http", "ws");

/** Messages the SDK hands to `onmessage`, awaited one by one. */
class Inbox {
  readonly #messages: LiveServerMessage[] = [];
  #wake?: () => void;

  push = (message: LiveServerMessage) => {
    this.#messages.push(message);
    this.#wake?.();
  };

  async next(): Promise<LiveServerMessage> {
    while (this.#messages.length === 0) {
      await new Promise<void>((resolve) => this.#wake = resolve);
    }
    return this.#messages.shift()!;
  }

  /** Texts of the model turn up to `turnComplete`. */
  async turn(): Promise<string> {
    let text = "";
    for (let message = await this.next(); !message.serverContent?.turnComplete;) {
      text += message.serverContent?.modelTurn?.parts?.map((part) => part.text).join("") ?? "";
      message = await this.next();
    }
    return text;
  }
}

Deno.test("the @google/genai SDK holds a Live session through the gateway", async () => {
  await withProxy(async (gateway, paths) => {
    const ai = new GoogleGenAI({ apiKey: "test-key", httpOptions: { baseUrl: gateway } });
    const inbox = new Inbox();
    let closed!: () => void;
    const done = new Promise<void>((resolve) => closed = resolve);
    const session = await ai.live.connect({
      model: MODEL,
      config: {
        responseModalities: [Modality.TEXT],
        tools: [{ functionDeclarations: [{ name: "get_weather", description: "Weather." }] }],
      },
      callbacks: { onmessage: inbox.push, onclose: () => closed() },
    });
    assert.deepEqual((await inbox.next()).setupComplete, {});
    assert.deepEqual(paths, [
      "//ws/google.ai.generativelanguage.v1.GenerativeService.BidiGenerateContent",
    ]);

    session.sendClientContent({ turns: "Hello there" });
    assert.equal(await inbox.turn(), "Hello from the fake Gemini.");

    session.sendClientContent({ turns: "What does get_weather say?" });
    const [call] = (await inbox.next()).toolCall?.functionCalls ?? [];
    assert.equal(call.name, "get_weather");
    session.sendToolResponse({
      functionResponses: [{ id: call.id, name: call.name, response: { sky: "clear" } }],
    });
    assert.equal(await inbox.turn(), 'The tool said: {"sky":"clear"}');

    session.close();
    await done;
  });
});

Deno.test("a plain WebSocket on /ws: setup, a text turn and a tool call, frames byte for byte", async () => {
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`);
    const tools = [{ functionDeclarations: [{ name: "get_weather" }] }];
    client.send(JSON.stringify({ setup: { model: MODEL, tools } }));
    const frame = await client.next();
    assert.ok(frame instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(frame), '{\n  "setupComplete": {}\n}\n');

    client.send(JSON.stringify({ realtimeInput: { text: "Are you there?" } }));
    const turn: Record<string, unknown>[] = [];
    do turn.push(await client.nextJson()); while (!hasTurnComplete(turn.at(-1)!));
    assert.ok(
      turn.some((message) => (message.serverContent as { modelTurn?: unknown })?.modelTurn),
    );
    assert.ok(turn.at(-1)!.usageMetadata);

    client.send(JSON.stringify({
      clientContent: {
        turns: [{ role: "user", parts: [{ text: "Call get_weather for Paris" }] }],
        turnComplete: true,
      },
    }));
    const { toolCall } = await client.nextJson() as {
      toolCall: { functionCalls: { id: string; name: string }[] };
    };
    const [call] = toolCall.functionCalls;
    assert.equal(call.name, "get_weather");
    client.send(JSON.stringify({
      toolResponse: {
        functionResponses: [{ id: call.id, name: call.name, response: { sky: "clear" } }],
      },
    }));
    const answer: Record<string, unknown>[] = [];
    do answer.push(await client.nextJson()); while (!hasTurnComplete(answer.at(-1)!));
    assert.match(JSON.stringify(answer), /clear/);
    await client.close();
  });
});

function hasTurnComplete(message: Record<string, unknown>): boolean {
  return (message.serverContent as { turnComplete?: boolean } | undefined)?.turnComplete === true;
}

Deno.test("idle clients are pinged to keep the session alive", async () => {
  const fake = serveLoopback(serveLive);
  const config = loadConfig((name) => name === "GEMINI_BASE_URL" ? fake.url : undefined);
  const gateway = serveLoopback((request) =>
    proxyLive(request, config, { ...LIVE_LIMITS, idleTimeoutSeconds: 1 })
  );
  const conn = await rawWebSocket(gateway.addr.port, "/ws?key=test-key");
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const buffer = new Uint8Array(64);
    const timeout = Promise.withResolvers<string>();
    timer = setTimeout(() => timeout.resolve("no ping within 3 s"), 3000);
    const read = await Promise.race([conn.read(buffer), timeout.promise]);
    assert.equal(buffer[0], 0x89, `expected a ping frame, got ${read}`);
  } finally {
    clearTimeout(timer);
    conn.close();
    await gateway.shutdown();
    await fake.shutdown();
  }
});

Deno.test("a bad key reaches the client as 1007 with Gemini's reason, never the key", async () => {
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=invalid-secret-123`);
    client.send(SETUP);
    const event = await client.closed;
    assert.equal(event.code, 1007);
    assert.equal(event.reason, "API key not valid. Please pass a valid API key.");
    assert.ok(!event.reason.includes("invalid-secret-123"));
  });
});

Deno.test("an unknown model reaches the client as 1008", async () => {
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`);
    client.send(JSON.stringify({ setup: { model: "models/no-such-model" } }));
    const event = await client.closed;
    assert.equal(event.code, 1008);
    assert.match(event.reason, /^models\/no-such-model is not found for API version v1beta/);
  });
});

Deno.test("Gemini failing mid-session reaches the client as 1011 with its reason", async () => {
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`);
    client.send(SETUP);
    await client.next();
    client.send(JSON.stringify({ realtimeInput: { text: "close 1011" } }));
    const event = await client.closed;
    assert.deepEqual([event.code, event.reason], [1011, "Internal error occurred."]);
  });
});

Deno.test("an unreachable Gemini closes the client with 1011 saying so", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const closedPort = `http://127.0.0.1:${listener.addr.port}`;
  listener.close();
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`);
    const event = await client.closed;
    assert.equal(event.code, 1011);
    assert.match(event.reason, /unreachable/);
    assert.ok(!event.reason.includes("test-key"));
  }, closedPort);
});

Deno.test("the client's subprotocols are forwarded and the first one is accepted", async () => {
  let offered: string | null = null;
  const upstream = serveLoopback((request) => {
    offered = request.headers.get("sec-websocket-protocol");
    const { socket, response } = Deno.upgradeWebSocket(request, { protocol: "p1" });
    socket.onmessage = ({ data }) => socket.send(data);
    return response;
  });
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`, ["p1", "p2"]);
    assert.equal(client.socket.protocol, "p1");
    client.send("ping");
    assert.equal(await client.next(), "ping");
    assert.equal(offered, "p1, p2");
    await client.close();
  }, upstream.url);
  await upstream.shutdown();
});

Deno.test("HTTP answers: 401 without a credential, 426 without an upgrade, 400 off path", async () => {
  await withProxy(async (gateway) => {
    const cases: [string, number][] = [
      ["/ws", 401],
      ["/ws?key=test-key", 426],
      ["/ws/other?key=test-key", 400],
    ];
    for (const [path, status] of cases) {
      const response = await fetch(`${gateway}${path}`);
      assert.equal(response.status, status, path);
      assertSchema("ErrorResponse", await response.json());
      if (status === 426) assert.equal(response.headers.get("upgrade"), "websocket");
    }
  });
});

Deno.test("a WebSocket handshake without a credential is refused with 401", async () => {
  const config = loadConfig(() => undefined);
  const request = new Request("http://gateway.test/ws", {
    headers: {
      upgrade: "websocket",
      connection: "Upgrade",
      "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
      "sec-websocket-version": "13",
    },
  });
  const response = proxyLive(request, config);
  assert.equal(response.status, 401);
  assertSchema("ErrorResponse", await response.json());
});

Deno.test("a setup naming a shut-down Live model reaches Gemini naming its replacement", async () => {
  await withProxy(async (gateway) => {
    const client = await TestSocket.connect(`${ws(gateway)}/ws?key=test-key`);
    client.send(JSON.stringify({ setup: { model: "models/gemini-2.0-flash-live-001" } }));
    assert.deepEqual(await client.nextJson(), { setupComplete: {} });
    client.socket.close();
    await client.closed;
  });
});
