/**
 * `deno task fake`: the fake Gemini on its own, on `FAKE_PORT` (default 8001).
 * @module
 */

import { startFakeGemini } from "../src/fake/server.ts";

const fake = startFakeGemini({
  port: Number(Deno.env.get("FAKE_PORT") ?? 8001),
  hostname: Deno.env.get("FAKE_HOSTNAME") ?? "127.0.0.1",
  record: false,
});
console.log(`Fake Gemini listening on ${fake.url}`);
