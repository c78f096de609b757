/**
 * The fake Gemini as the bench runs it, in its own process: on `PORT`, recording nothing,
 * and with a control port (`FAKE_CONTROL_PORT`) whose `POST /reply` queues the scripted replies
 * of its JSON array body (see `FakeReply`: held-open streams, gigantic bodies).
 * @module
 */

import { type FakeReply, startFakeGemini } from "../src/fake/server.ts";

const fake = startFakeGemini({ port: Number(Deno.env.get("PORT")), record: false });
Deno.serve(
  { port: Number(Deno.env.get("FAKE_CONTROL_PORT")), hostname: "127.0.0.1", onListen() {} },
  async (request) => {
    const replies: FakeReply[] = await request.json();
    fake.reply(...replies);
    return new Response(null, { status: 204 });
  },
);
