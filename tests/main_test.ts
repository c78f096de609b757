import { assertRefusesWithoutRead } from "./helpers/without_read.ts";

const main = new URL("../main.ts", import.meta.url).pathname;

Deno.test("without leave to read its own modules, the gateway says so and does not start", async () => {
  await assertRefusesWithoutRead(main, "src");
});
