import assert from "node:assert/strict";

const main = new URL("../main.ts", import.meta.url).pathname;

Deno.test("without leave to read its own modules, the gateway says so and does not start", async () => {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net", "--allow-env", main],
    env: { PORT: "0" },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.equal(code, 1);
  assert.match(new TextDecoder().decode(stderr), /--allow-read=src, as `deno task start` does/);
});
