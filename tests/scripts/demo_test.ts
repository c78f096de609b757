import assert from "node:assert/strict";

Deno.test("`deno task demo` starts with the console's URL, which serves the page and answers chats", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", "--allow-read=src", "scripts/demo.ts"],
    env: { PORT: "0", FAKE_PORT: "0" },
    stdin: "null",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  try {
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let printed = "";
    while (!printed.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      printed += value;
    }
    await reader.cancel();
    const first = printed.split("\n")[0];
    const match = /^Console: (http:\/\/localhost:\d+\/) /.exec(first);
    assert.ok(match, first);
    const response = await fetch(match[1], { headers: { accept: "text/html" } });
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>Gemini gateway<\/title>/);
    // With the task's permissions, route handlers and the stream parser load on first use.
    for (const stream of [false, true]) {
      const answer: Response = await fetch(`${match[1]}v1/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer demo", "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: "Hello" }], stream }),
      });
      assert.equal(answer.status, 200);
      assert.match(await answer.text(), /"content":"[^"]*fake Gemini/);
    }
  } finally {
    child.kill();
    await child.status;
  }
});
