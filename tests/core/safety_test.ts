import assert from "node:assert/strict";
import { HARM_CATEGORIES, toSafetySettings } from "../../src/core/safety.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const P = "google.safety_settings";

Deno.test("all five categories are set at the configured threshold", () => {
  assert.deepEqual(toSafetySettings("BLOCK_NONE"), [
    { category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_NONE" },
    { category: "HARM_CATEGORY_CIVIC_INTEGRITY", threshold: "BLOCK_NONE" },
  ]);
  assert.equal(HARM_CATEGORIES.length, 5);
});

Deno.test("overrides replace their category and keep the others", () => {
  const settings = toSafetySettings("OFF", {
    value: [
      { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_LOW_AND_ABOVE" },
      { category: "dangerous_content", threshold: "block_only_high" },
    ],
    param: P,
  });
  assert.deepEqual(settings, [
    { category: "HARM_CATEGORY_HARASSMENT", threshold: "OFF" },
    { category: "HARM_CATEGORY_HATE_SPEECH", threshold: "BLOCK_LOW_AND_ABOVE" },
    { category: "HARM_CATEGORY_SEXUALLY_EXPLICIT", threshold: "OFF" },
    { category: "HARM_CATEGORY_DANGEROUS_CONTENT", threshold: "BLOCK_ONLY_HIGH" },
    { category: "HARM_CATEGORY_CIVIC_INTEGRITY", threshold: "OFF" },
  ]);
});

Deno.test("overrides of other categories are added", () => {
  const settings = toSafetySettings("BLOCK_NONE", {
    value: [{ category: "HARM_CATEGORY_IMAGE_HATE", threshold: "BLOCK_NONE" }],
    param: P,
  });
  assert.equal(settings.length, 6);
  assert.deepEqual(settings[5], { category: "HARM_CATEGORY_IMAGE_HATE", threshold: "BLOCK_NONE" });
});

Deno.test("an absent override keeps the defaults", () => {
  assert.deepEqual(
    toSafetySettings("BLOCK_NONE", { value: undefined, param: P }),
    toSafetySettings("BLOCK_NONE"),
  );
});

Deno.test("malformed overrides are 400s naming the field", () => {
  const run = (value: unknown) => () => toSafetySettings("BLOCK_NONE", { value, param: P });
  assertInvalid(run({ category: "x" }), P, /array/);
  assertInvalid(run(["x"]), `${P}[0]`);
  assertInvalid(run([{ threshold: "OFF" }]), `${P}[0].category`, /Missing/);
  assertInvalid(run([{ category: "HARASSMENT" }]), `${P}[0].threshold`, /Missing/);
  assertInvalid(
    run([{ category: "harm-ful", threshold: "OFF" }]),
    `${P}[0].category`,
    /unknown harm category/,
  );
  assertInvalid(
    run([{ category: "HARASSMENT", threshold: "OFF" }, {
      category: "HARASSMENT",
      threshold: "SOMETIMES",
    }]),
    `${P}[1].threshold`,
    /unknown threshold/,
  );
  assertInvalid(run([{ category: 1, threshold: "OFF" }]), `${P}[0].category`);
});
