import assert from "node:assert/strict";
import {
  formFields,
  readFormBoolean,
  readFormInteger,
  readFormNumber,
} from "../../src/http/form.ts";

Deno.test("formFields: text fields, arrays by [] or repetition, files apart", () => {
  const form = new FormData();
  form.append("model", "m");
  form.append("timestamp_granularities[]", "word");
  form.append("tag", "a");
  form.append("tag", "b");
  form.append("image[]", new File(["1"], "one.png"));
  form.append("image[]", new File(["2"], "two.png"));
  form.append("file", new File(["3"], "a.wav"));
  const { values, files } = formFields(form);
  assert.deepEqual(values, { model: "m", timestamp_granularities: ["word"], tag: ["a", "b"] });
  assert.deepEqual(files.image.map(({ param, file }) => [param, file.name]), [
    ["image[0]", "one.png"],
    ["image[1]", "two.png"],
  ]);
  assert.equal(files.file[0].param, "file");
});

Deno.test("form readers: numbers and booleans as JSON or as text", () => {
  assert.equal(readFormInteger("3", "n"), 3);
  assert.equal(readFormInteger(3, "n"), 3);
  assert.equal(readFormNumber("0.5", "t"), 0.5);
  assert.equal(readFormNumber(".5", "t"), 0.5);
  assert.equal(readFormBoolean("true", "s"), true);
  assert.equal(readFormBoolean(false, "s"), false);
  assert.throws(() => readFormInteger("1.5", "n"), { param: "n", code: "invalid_type" });
  assert.throws(() => readFormInteger("12", "n", { max: 10 }), {
    param: "n",
    code: "invalid_value",
  });
  assert.throws(() => readFormNumber("abc", "t"), { param: "t" });
  assert.throws(() => readFormBoolean("yes", "s"), { param: "s" });
});
