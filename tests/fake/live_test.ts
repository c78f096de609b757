import assert from "node:assert/strict";
import { serveLive } from "../../src/fake/live.ts";
import { serveLoopback, TestSocket } from "../helpers/websocket.ts";

const PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
const SETUP = JSON.stringify({
  setup: { model: "models/gemini-3.8-live", generationConfig: {} },
});

/** Runs `body` against the fake's Live endpoint on a loopback port. */
async function withFake(body: (url: string) => Promise<void>) {
  const server = serveLoopback(serveLive);
  try {
    await body(server.url.replace("http", "ws"));
  } finally {
    await server.shutdown();
  }
}

/** A session past `setupComplete`. */
async function setUp(url: string, setup = SETUP): Promise<TestSocket> {
  const client = await TestSocket.connect(`${url}${PATH}?key=test-key`);
  client.send(setup);
  assert.deepEqual(await client.nextJson(), { setupComplete: {} });
  return client;
}

async function assertClosed(client: TestSocket, code: number, reason: string) {
  const event = await client.closed;
  assert.equal(event.code, code);
  assert.equal(event.reason, reason);
}

Deno.test("setupComplete arrives as a binary frame of pretty JSON, byte for byte", async () => {
  await withFake(async (url) => {
    const client = await TestSocket.connect(`${url}${PATH}?key=test-key`);
    client.send(SETUP);
    const frame = await client.next();
    assert.ok(frame instanceof Uint8Array);
    assert.equal(new TextDecoder().decode(frame), '{\n  "setupComplete": {}\n}\n');
    await client.close();
  });
});

Deno.test("a completed clientContent turn gets two text frames, generationComplete, turnComplete", async () => {
  await withFake(async (url) => {
    const client = await setUp(url);
    client.send(JSON.stringify({
      clientContent: { turns: [{ role: "user", parts: [{ text: "Hello" }] }], turnComplete: true },
    }));
    const first = await client.nextJson();
    const second = await client.nextJson();
    const texts = [first, second].map((message) =>
      (message as { serverContent: { modelTurn: { parts: { text: string }[] } } })
        .serverContent.modelTurn.parts[0].text
    );
    assert.equal(texts.join(""), "Hello from the fake Gemini.");
    assert.deepEqual(await client.nextJson(), { serverContent: { generationComplete: true } });
    const done = await client.nextJson();
    assert.deepEqual(done.serverContent, { turnComplete: true });
    const usage = done.usageMetadata as Record<string, number>;
    assert.equal(usage.totalTokenCount, usage.promptTokenCount + usage.responseTokenCount);
    assert.equal("candidatesTokenCount" in usage, false);
    await client.close();
  });
});

Deno.test("an unfinished clientContent turn waits for the one completing it", async () => {
  await withFake(async (url) => {
    const client = await setUp(url);
    client.send(JSON.stringify({ client_content: { turns: [{ parts: [{ text: "Part one" }] }] } }));
    client.send(JSON.stringify({ clientContent: { turnComplete: true } }));
    const first = await client.nextJson() as { serverContent: { modelTurn: unknown } };
    assert.ok(first.serverContent.modelTurn);
    await client.close();
  });
});

Deno.test("realtimeInput text is answered; audio is accepted silently", async () => {
  await withFake(async (url) => {
    const client = await setUp(url);
    client.send(JSON.stringify({
      realtimeInput: { audio: { mimeType: "audio/pcm;rate=16000", data: "AAAA" } },
    }));
    client.send(JSON.stringify({ realtimeInput: { text: "Are you there?" } }));
    const first = await client.nextJson() as { serverContent: { modelTurn: unknown } };
    assert.ok(first.serverContent.modelTurn);
    await client.close();
  });
});

Deno.test("a second of realtime audio is a spoken turn: audio reply and transcriptions", async () => {
  await withFake(async (url) => {
    const client = await setUp(
      url,
      JSON.stringify({
        setup: {
          model: "models/gemini-3.8-live",
          generationConfig: { responseModalities: ["AUDIO"] },
          inputAudioTranscription: {},
          outputAudioTranscription: {},
        },
      }),
    );
    const tenth = new Uint8Array(3_200).toBase64(); // 100 ms of 16 kHz 16-bit PCM
    for (let chunk = 0; chunk < 10; chunk++) {
      client.send(JSON.stringify({
        realtimeInput: { audio: { mimeType: "audio/pcm;rate=16000", data: tenth } },
      }));
    }
    type Message = {
      serverContent: {
        inputTranscription?: { text: string };
        outputTranscription?: { text: string };
        modelTurn?: { parts: { inlineData: { mimeType: string; data: string } }[] };
      };
    };
    const heard = await client.nextJson() as Message;
    assert.deepEqual(heard.serverContent.inputTranscription, { text: "(1.0 s of audio)" });
    let samples = 0;
    for (let frame = 0; frame < 2; frame++) {
      const { inlineData } = (await client.nextJson() as Message).serverContent.modelTurn!.parts[0];
      assert.equal(inlineData.mimeType, "audio/pcm;rate=24000");
      samples += Uint8Array.fromBase64(inlineData.data).length / 2;
    }
    assert.equal(samples, 12_000);
    const said = await client.nextJson() as Message;
    assert.deepEqual(said.serverContent.outputTranscription, {
      text: "Hello from the fake Gemini.",
    });
    assert.deepEqual(await client.nextJson(), { serverContent: { generationComplete: true } });
    const done = await client.nextJson();
    assert.deepEqual(done.serverContent, { turnComplete: true });
    client.send(JSON.stringify({
      realtimeInput: { audio: { mimeType: "audio/pcm;rate=16000", data: tenth } },
    }));
    client.send(JSON.stringify({ realtimeInput: { audioStreamEnd: true } }));
    const next = await client.nextJson() as Message;
    assert.deepEqual(next.serverContent.inputTranscription, { text: "(0.1 s of audio)" });
    await client.close();
  });
});

Deno.test("a turn naming a declared function gets a toolCall, then the toolResponse is quoted", async () => {
  await withFake(async (url) => {
    const setup = JSON.stringify({
      setup: {
        model: "models/gemini-3.8-live",
        tools: [{ functionDeclarations: [{ name: "get_current_weather" }] }],
      },
    });
    const client = await setUp(url, setup);
    client.send(JSON.stringify({ realtimeInput: { text: "Call get_current_weather please" } }));
    const { toolCall } = await client.nextJson() as {
      toolCall: { functionCalls: { id: string; name: string; args: unknown }[] };
    };
    const [call] = toolCall.functionCalls;
    assert.equal(call.name, "get_current_weather");
    assert.deepEqual(call.args, {});
    assert.match(call.id, /^function-call-\d+$/);
    client.send(JSON.stringify({
      toolResponse: { functionResponses: [{ id: call.id, name: call.name, response: { t: 21 } }] },
    }));
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) {
      const message = await client.nextJson() as {
        serverContent: { modelTurn: { parts: { text: string }[] } };
      };
      texts.push(message.serverContent.modelTurn.parts[0].text);
    }
    assert.equal(texts.join(""), 'The tool said: {"t":21}');
    assert.deepEqual(await client.nextJson(), { serverContent: { generationComplete: true } });
    assert.deepEqual((await client.nextJson()).serverContent, { turnComplete: true });
    await client.close();
  });
});

Deno.test("a bad key is closed with 1007 after setup; a missing key with 1008", async () => {
  await withFake(async (url) => {
    const bad = await TestSocket.connect(`${url}${PATH}?key=invalid-key`);
    bad.send(SETUP);
    await assertClosed(bad, 1007, "API key not valid. Please pass a valid API key.");
    const missing = await TestSocket.connect(`${url}${PATH}`);
    missing.send(SETUP);
    const event = await missing.closed;
    assert.equal(event.code, 1008);
    assert.ok(event.reason.startsWith("Method doesn't allow unregistered callers"));
    assert.ok(new TextEncoder().encode(event.reason).length <= 123);
  });
});

Deno.test("an unknown model is closed with 1008 naming it and the API version", async () => {
  await withFake(async (url) => {
    const client = await TestSocket.connect(
      `${url}${PATH.replace("v1beta", "v1alpha")}?key=test-key`,
    );
    client.send(JSON.stringify({ setup: { model: "models/gemini-2.5-flash" } }));
    await assertClosed(
      client,
      1008,
      "models/gemini-2.5-flash is not found for API version v1alpha, or is not supported for " +
        "bidiGenerateContent.",
    );
  });
});

Deno.test("malformed JSON, a first message other than setup, or a second setup close 1007", async () => {
  await withFake(async (url) => {
    for (const messages of [["{nope"], ['{"realtimeInput":{"text":"hi"}}'], [SETUP, SETUP]]) {
      const client = await TestSocket.connect(`${url}${PATH}?key=test-key`);
      for (const message of messages) client.send(message);
      await assertClosed(client, 1007, "Request contains an invalid argument.");
    }
  });
});

Deno.test("a turn saying close 1011 ends the session with 1011", async () => {
  await withFake(async (url) => {
    const client = await setUp(url);
    client.send(JSON.stringify({ realtimeInput: { text: "please close 1011" } }));
    await assertClosed(client, 1011, "Internal error occurred.");
  });
});

Deno.test("the Constrained endpoint takes an ephemeral access_token; doubled slashes are tolerated", async () => {
  await withFake(async (url) => {
    const path = PATH.replace("v1beta", "v1alpha") + "Constrained";
    const client = await TestSocket.connect(`${url}/${path}?access_token=auth_tokens/abc`);
    client.send(SETUP);
    assert.deepEqual(await client.nextJson(), { setupComplete: {} });
    await client.close();
  });
});

Deno.test("other paths are 404 and plain GETs 400, as Google error bodies", async () => {
  await withFake(async (url) => {
    const base = url.replace("ws", "http");
    const missing = await fetch(`${base}/ws/google.ai.generativelanguage.v1beta.Other`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), {
      error: { code: 404, message: "Method not found.", status: "NOT_FOUND" },
    });
    const plain = await fetch(`${base}${PATH}?key=test-key`);
    assert.equal(plain.status, 400);
    assert.equal((await plain.json()).error.status, "INVALID_ARGUMENT");
  });
});
