import assert from "node:assert/strict";

Deno.test("`deno task demo` starts with the console's URL, which serves the page", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", "scripts/demo.ts"],
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
  } finally {
    child.kill();
    await child.status;
  }
});
