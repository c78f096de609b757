import assert from "node:assert/strict";
import {
  DEFAULT_PAGE_SIZE,
  findModel,
  listModels,
  MAX_PAGE_SIZE,
  MODELS,
  supportsMethod,
} from "../../src/fake/models.ts";
import { prettyJson } from "../../src/fake/wire.ts";
import { readFixture } from "../helpers/fixtures.ts";

Deno.test("the first page is the real models.list page 1, byte for byte", async () => {
  assert.equal(prettyJson(listModels()), await readFixture("09_models_list_page1_v1beta.json"));
});

Deno.test("the catalog needs two default pages, and the token leads to the rest", () => {
  assert.ok(MODELS.length > DEFAULT_PAGE_SIZE);
  const first = listModels()!;
  assert.equal(first.models!.length, DEFAULT_PAGE_SIZE);
  const second = listModels(0, first.nextPageToken)!;
  assert.deepEqual(second.models, MODELS.slice(DEFAULT_PAGE_SIZE));
  assert.equal(second.nextPageToken, undefined);
});

Deno.test("pageSize is honoured up to 1000, and tokens walk the whole catalog", () => {
  const names: string[] = [];
  let token: string | undefined = "";
  do {
    const page: ReturnType<typeof listModels> = listModels(7, token);
    assert.ok(page && page.models!.length <= 7);
    names.push(...page.models!.map((model) => model.name));
    token = page.nextPageToken;
  } while (token);
  assert.deepEqual(names, MODELS.map((model) => model.name));
  assert.equal(listModels(MAX_PAGE_SIZE + 5)!.models!.length, MODELS.length);
  assert.equal(listModels(MAX_PAGE_SIZE + 5)!.nextPageToken, undefined);
});

Deno.test("a page token is base64url protobuf of the last model's name", () => {
  const token = listModels(2)!.nextPageToken!;
  const bytes = Uint8Array.fromBase64(token, { alphabet: "base64url" });
  assert.equal(new TextDecoder().decode(bytes.subarray(2)), "models/gemini-2.5-pro");
  assert.equal(listModels(0, "not-a-token"), undefined);
  assert.equal(listModels(0, "Cg5tb2RlbHMvbm9uZXhpc3Q"), undefined);
});

Deno.test("findModel finds the models clients use, with or without models/", () => {
  for (
    const id of [
      "gemini-2.0-flash",
      "gemini-2.5-flash",
      "gemini-2.5-pro",
      "gemini-2.5-flash-lite",
      "gemini-3-pro-preview",
      "gemini-3-flash-preview",
      "gemini-flash-latest",
      "gemini-embedding-001",
      "gemini-embedding-2",
    ]
  ) {
    assert.equal(findModel(id)?.name, `models/${id}`, id);
  }
  assert.equal(findModel("models/gemini-2.5-flash"), findModel("gemini-2.5-flash"));
  assert.equal(findModel("gemini-pro"), undefined);
});

Deno.test("live models list bidiGenerateContent, embedding models embedContent", () => {
  for (
    const id of ["gemini-live-2.5-flash-preview", "gemini-2.5-flash-native-audio-preview-09-2025"]
  ) {
    assert.ok(supportsMethod(findModel(id)!, "bidiGenerateContent"), id);
  }
  assert.ok(supportsMethod(findModel("gemini-embedding-001")!, "embedContent"));
  assert.ok(!supportsMethod(findModel("gemini-embedding-001")!, "generateContent"));
  assert.ok(supportsMethod(findModel("gemini-2.5-flash")!, "generateContent"));
});

Deno.test("model names are unique", () => {
  assert.equal(new Set(MODELS.map((model) => model.name)).size, MODELS.length);
});
