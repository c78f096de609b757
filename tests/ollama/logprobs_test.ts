import assert from "node:assert/strict";
import { toLogprobs, toLogprobsConfig } from "../../src/ollama/logprobs.ts";
import { startGateway } from "../helpers/harness.ts";

Deno.test("logprobs and top_logprobs ask Gemini for log probabilities", () => {
  assert.deepEqual(toLogprobsConfig({}), {});
  assert.deepEqual(toLogprobsConfig({ logprobs: false, top_logprobs: 3 }), {});
  assert.deepEqual(toLogprobsConfig({ logprobs: true }), { responseLogprobs: true });
  assert.deepEqual(toLogprobsConfig({ logprobs: true, top_logprobs: 0 }), {
    responseLogprobs: true,
  });
  assert.deepEqual(toLogprobsConfig({ logprobs: true, top_logprobs: 3 }), {
    responseLogprobs: true,
    logprobs: 3,
  });
  assert.throws(() => toLogprobsConfig({ logprobs: true, top_logprobs: 21 }), /top_logprobs/);
  assert.throws(() => toLogprobsConfig({ logprobs: "yes" }), /'logprobs'/);
});

Deno.test("Gemini's chosen tokens become Ollama's logprobs, alternatives when there are", () => {
  assert.deepEqual(toLogprobs(undefined), []);
  assert.deepEqual(
    toLogprobs({
      chosenCandidates: [{ token: "Hi", logProbability: -0.1 }, { token: "!" }],
      topCandidates: [
        {
          candidates: [{ token: "Hi", logProbability: -0.1 }, { token: "Yo", logProbability: -2 }],
        },
        { candidates: [{ token: "!" }] },
      ],
    }),
    [
      {
        token: "Hi",
        logprob: -0.1,
        bytes: [72, 105],
        top_logprobs: [
          { token: "Hi", logprob: -0.1, bytes: [72, 105] },
          { token: "Yo", logprob: -2, bytes: [89, 111] },
        ],
      },
      { token: "!", logprob: 0, bytes: [33] },
    ],
  );
});

Deno.test("a streamed chat with logprobs carries them on its lines", async () => {
  await using gw = await startGateway();
  const response = await gw.request("/api/chat", {
    method: "POST",
    body: JSON.stringify({
      model: "gemini-3.8-flash",
      messages: [{ role: "user", content: "Hi there" }],
      logprobs: true,
      top_logprobs: 2,
    }),
  });
  const lines = (await response.text()).trimEnd().split("\n").map((line) => JSON.parse(line));
  const logprobs = lines.flatMap((line) => line.logprobs ?? []);
  assert.ok(logprobs.length > 0);
  const words = logprobs.map((entry) => entry.token.trim());
  assert.deepEqual(words, "Hello from the fake Gemini. You said: Hi there".split(" "));
  assert.ok(logprobs.every((entry) => entry.top_logprobs?.length === 2));
});
