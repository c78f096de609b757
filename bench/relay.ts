// deno-fmt-ignore-file
// deno-lint-ignore-file no-explicit-any
/**
 * The reference limit of `deno task bench`: a bare translating relay from OpenAI's chat, models
 * and embeddings to Gemini, and nothing else. Only the happy path (no validation, no errors, no
 * limits, no keep-alives); never used outside the bench. Env: `PORT`, `GEMINI_BASE_URL`.
 * @module
 */

type Json = Record<string, any>;
const gemini = `${Deno.env.get("GEMINI_BASE_URL")}/v1beta/`;
const text = (c: Json) => c?.content?.parts?.map((p: Json) => p.text ?? "").join("") ?? "";
const chunk = (id: string, model: string, delta: Json, finish: string | null) =>
  `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

Deno.serve({ port: Number(Deno.env.get("PORT")), onListen() {} }, async (request) => {
  const key = request.headers.get("authorization")?.slice(7) ?? "";
  const call = (path: string, body?: unknown) =>
    fetch(gemini + path, {
      method: body ? "POST" : "GET",
      body: body ? JSON.stringify(body) : undefined,
      headers: { "content-type": "application/json", "x-goog-api-key": key },
    });
  const path = new URL(request.url).pathname;
  if (path === "/health") return new Response("ok");
  if (path === "/v1/models") {
    const { models } = await (await call("models?pageSize=1000")).json();
    return Response.json({ object: "list", data: models.map((m: Json) => ({ id: m.name.slice(7), object: "model", created: 0, owned_by: "google" })) });
  }
  const body: Json = await request.json();
  if (path === "/v1/embeddings") {
    const requests = body.input.map((t: string) => ({ model: `models/${body.model}`, content: { parts: [{ text: t }] } }));
    const { embeddings } = await (await call(`models/${body.model}:batchEmbedContents`, { requests })).json();
    const b64 = (v: number[]) => btoa(String.fromCharCode(...new Uint8Array(new Float32Array(v).buffer)));
    return Response.json({ object: "list", model: body.model, data: embeddings.map((e: Json, index: number) => ({ object: "embedding", index, embedding: b64(e.values) })) });
  }
  const contents = body.messages.map((m: Json) => ({ role: m.role === "assistant" ? "model" : "user", parts: [{ text: m.content }] }));
  const id = `chatcmpl-${crypto.randomUUID()}`;
  if (!body.stream) {
    const answer = await (await call(`models/${body.model}:generateContent`, { contents })).json();
    return Response.json({ id, object: "chat.completion", created: 0, model: body.model, choices: [{ index: 0, message: { role: "assistant", content: text(answer.candidates[0]) }, finish_reason: "stop" }] });
  }
  const upstream = await call(`models/${body.model}:streamGenerateContent?alt=sse`, { contents });
  let buffer = "";
  const decoder = new TextDecoder(), encoder = new TextEncoder();
  return new Response(upstream.body!.pipeThrough(new TransformStream({
    transform(bytes, controller) {
      const events = (buffer += decoder.decode(bytes, { stream: true })).split("\r\n\r\n");
      buffer = events.pop()!;
      for (const e of events) controller.enqueue(encoder.encode(chunk(id, body.model, { content: text(JSON.parse(e.slice(6)).candidates?.[0]) }, null)));
    },
    flush: (controller) => controller.enqueue(encoder.encode(`${chunk(id, body.model, {}, "stop")}data: [DONE]\n\n`)),
  })), { headers: { "content-type": "text/event-stream" } });
});
