import assert from "node:assert/strict";
import { toImageConfig } from "../../../src/openai/images/size.ts";

Deno.test("toImageConfig: OpenAI's sizes → the nearest aspect ratio and the size that reaches", () => {
  assert.deepEqual(toImageConfig(undefined, undefined), {});
  assert.deepEqual(toImageConfig("auto", "auto"), {});
  assert.deepEqual(toImageConfig("256x256", undefined), { aspectRatio: "1:1" });
  assert.deepEqual(toImageConfig("1024x1024", "standard"), { aspectRatio: "1:1" });
  assert.deepEqual(toImageConfig("1792x1024", undefined), { aspectRatio: "16:9", imageSize: "2K" });
  assert.deepEqual(toImageConfig("1024x1536", "low"), { aspectRatio: "2:3", imageSize: "2K" });
  assert.deepEqual(toImageConfig("3840x1644", undefined), { aspectRatio: "21:9", imageSize: "4K" });
  assert.deepEqual(toImageConfig("1024x1024", "high"), { aspectRatio: "1:1", imageSize: "2K" });
  assert.deepEqual(toImageConfig(undefined, "hd"), { imageSize: "2K" });
});

Deno.test("toImageConfig: sizes Gemini cannot paint are 400s naming size or quality", () => {
  for (const size of ["", "1024", "0x1024", "1024x0", "10x1", "5000x5000", "1024x1024x3"]) {
    assert.throws(() => toImageConfig(size, undefined), { param: "size" }, size);
  }
  assert.throws(() => toImageConfig(undefined, "best"), { param: "quality" });
});
