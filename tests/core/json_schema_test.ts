import assert from "node:assert/strict";
import {
  inlineRefs,
  RECURSION_DEPTH,
  supportsJsonSchema,
  toProtoSchema,
} from "../../src/core/json_schema.ts";
import { validateGenerateContent } from "../../src/fake/validate.ts";
import { assertInvalid } from "../helpers/assert_invalid.ts";

const P = "tools[0].function.parameters";

Deno.test("supportsJsonSchema is false only for Gemini 1.x, 2.0 and Gemma", () => {
  assert.equal(supportsJsonSchema("gemini-2.5-flash"), true);
  assert.equal(supportsJsonSchema("gemini-3-pro-preview"), true);
  assert.equal(supportsJsonSchema("gemini-flash-latest"), true);
  assert.equal(supportsJsonSchema("gemini-2.0-flash"), false);
  assert.equal(supportsJsonSchema("gemini-1.5-pro"), false);
  assert.equal(supportsJsonSchema("gemma-3-27b-it"), false);
});

Deno.test("inlineRefs inlines local references, drops $defs and keeps every other keyword", () => {
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    additionalProperties: false,
    properties: {
      home: { $ref: "#/$defs/Address", description: "Home", required: ["zip"] },
      work: { anyOf: [{ $ref: "#/definitions/Address" }, { type: "null" }] },
      tags: { type: "array", items: { $ref: "#/$defs/Tag" }, uniqueItems: true },
      extra: { type: "object", additionalProperties: { $ref: "#/$defs/Tag" } },
      definitions: { type: "string", default: { $ref: "#/not/a/schema" } },
    },
    $defs: {
      Address: {
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city"],
        additionalProperties: false,
      },
      Tag: { type: "string", minLength: 1 },
    },
    definitions: { Address: { type: "object", properties: { zip: { type: "string" } } } },
  };
  assert.deepEqual(inlineRefs(schema, P), {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    additionalProperties: false,
    properties: {
      home: {
        type: "object",
        properties: { city: { type: "string" } },
        required: ["city", "zip"],
        additionalProperties: false,
        description: "Home",
      },
      work: {
        anyOf: [{ type: "object", properties: { zip: { type: "string" } } }, { type: "null" }],
      },
      tags: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
      extra: { type: "object", additionalProperties: { type: "string", minLength: 1 } },
      definitions: { type: "string", default: { $ref: "#/not/a/schema" } },
    },
  });
});

Deno.test("inlineRefs inlines a root $ref and references to references", () => {
  assert.deepEqual(
    inlineRefs({
      $ref: "#/$defs/A",
      $defs: { A: { $ref: "#/$defs/B", title: "A" }, B: { type: "integer" } },
    }, P),
    { type: "integer", title: "A" },
  );
});

Deno.test("inlineRefs unrolls a recursive $ref a few levels, then leaves it open", () => {
  const schema = {
    $ref: "#/$defs/Node",
    $defs: {
      Node: {
        type: "object",
        properties: {
          name: { type: "string" },
          children: { type: "array", items: { $ref: "#/$defs/Node", description: "child" } },
        },
      },
    },
  };
  let node = inlineRefs(schema, P);
  for (let depth = 0; depth < RECURSION_DEPTH; depth++) {
    assert.equal(node.type, "object");
    node = (node.properties as Record<string, Record<string, unknown>>).children
      .items as Record<string, unknown>;
  }
  assert.deepEqual(node, { description: "child" });
  assert.ok(!JSON.stringify(inlineRefs(schema, P)).includes("$ref"));
});

Deno.test("inlineRefs keeps remote references and rejects dangling ones", () => {
  assert.deepEqual(inlineRefs({ $ref: "https://example.com/s.json" }, P), {
    $ref: "https://example.com/s.json",
  });
  assertInvalid(() => inlineRefs({ $ref: "#/$defs/Missing" }, P), P, /points to no schema/);
});

Deno.test("schemas with $ref siblings fail the fake Gemini until inlined", () => {
  const schema = {
    type: "object",
    properties: { when: { $ref: "#/$defs/Day", title: "When" } },
    $defs: { Day: { type: "string", enum: ["mon", "tue"] } },
  };
  const body = (parameters: unknown) => ({
    contents: [{ role: "user", parts: [{ text: "hi" }] }],
    tools: [{ functionDeclarations: [{ name: "f", parametersJsonSchema: parameters }] }],
  });
  const raw = validateGenerateContent(body(schema), "gemini-2.5-flash", "v1beta");
  assert.ok("error" in raw);
  assert.match(raw.error.error.message, /^Schema\.ref 'Day' was set alongside unsupported fields/);
  const inlined = validateGenerateContent(
    body(inlineRefs(schema, P)),
    "gemini-2.5-flash",
    "v1beta",
  );
  assert.ok("request" in inlined, JSON.stringify(inlined));
});

Deno.test("toProtoSchema keeps allowed keywords and upper-cases types", () => {
  assert.deepEqual(
    toProtoSchema({
      type: "object",
      title: "T",
      description: "d",
      properties: {
        name: { type: "string", minLength: 1, maxLength: 5, pattern: "^a", example: "ab" },
        count: { type: "integer", minimum: 0, maximum: 9, default: 1, format: "int32" },
        tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 3 },
      },
      required: ["name"],
      minProperties: 1,
      maxProperties: 3,
      propertyOrdering: ["name", "count", "tags"],
    }, P),
    {
      type: "OBJECT",
      title: "T",
      description: "d",
      properties: {
        name: { type: "STRING", minLength: 1, maxLength: 5, pattern: "^a", example: "ab" },
        count: { type: "INTEGER", minimum: 0, maximum: 9, default: 1, format: "int32" },
        tags: { type: "ARRAY", items: { type: "STRING" }, minItems: 1, maxItems: 3 },
      },
      required: ["name"],
      minProperties: 1,
      maxProperties: 3,
      propertyOrdering: ["name", "count", "tags"],
    },
  );
});

Deno.test("toProtoSchema drops keywords the proto rejects", () => {
  assert.deepEqual(
    toProtoSchema({
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "x",
      type: "object",
      additionalProperties: false,
      strict: true,
      examples: [{}],
      properties: {
        n: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 5, multipleOf: 2 },
        email: { type: "string", format: "email" },
        when: { type: "string", format: "date-time" },
      },
    }, P),
    {
      type: "OBJECT",
      properties: {
        n: { type: "NUMBER" },
        email: { type: "STRING" },
        when: { type: "STRING", format: "date-time" },
      },
    },
  );
});

Deno.test("toProtoSchema inlines $defs and definitions references", () => {
  const schema = {
    type: "object",
    properties: {
      home: { $ref: "#/$defs/Address", description: "Home" },
      work: { $ref: "#/definitions/Address" },
    },
    $defs: { Address: { type: "object", properties: { city: { type: "string" } } } },
    definitions: { Address: { type: "object", properties: { zip: { type: "string" } } } },
  };
  assert.deepEqual(toProtoSchema(schema, P), {
    type: "OBJECT",
    properties: {
      home: { type: "OBJECT", description: "Home", properties: { city: { type: "STRING" } } },
      work: { type: "OBJECT", properties: { zip: { type: "STRING" } } },
    },
  });
});

Deno.test("toProtoSchema inlines a root $ref and a reference used twice", () => {
  const schema = {
    $ref: "#/$defs/Pair",
    $defs: {
      Item: { type: "string" },
      Pair: {
        type: "object",
        properties: { a: { $ref: "#/$defs/Item" }, b: { $ref: "#/$defs/Item" } },
      },
    },
  };
  assert.deepEqual(toProtoSchema(schema, P), {
    type: "OBJECT",
    properties: { a: { type: "STRING" }, b: { type: "STRING" } },
  });
});

Deno.test("toProtoSchema rejects a recursive $ref naming the field", () => {
  const schema = {
    type: "object",
    properties: { root: { $ref: "#/$defs/Node" } },
    $defs: {
      Node: {
        type: "object",
        properties: { children: { type: "array", items: { $ref: "#/$defs/Node" } } },
      },
    },
  };
  assertInvalid(() => toProtoSchema(schema, P), P, /recursive/);
});

Deno.test("toProtoSchema rejects remote and dangling references", () => {
  assertInvalid(() => toProtoSchema({ $ref: "https://example.com/s.json" }, P), P, /local/);
  assertInvalid(() => toProtoSchema({ $ref: "#/$defs/Missing" }, P), P, /points to no schema/);
});

Deno.test("toProtoSchema rejects schemas that expand to too many nodes", () => {
  const $defs: Record<string, unknown> = { D0: { type: "string" } };
  for (let i = 1; i <= 20; i++) {
    $defs[`D${i}`] = {
      type: "object",
      properties: { a: { $ref: `#/$defs/D${i - 1}` }, b: { $ref: `#/$defs/D${i - 1}` } },
    };
  }
  assertInvalid(() => toProtoSchema({ $ref: "#/$defs/D20", $defs }, P), P, /nodes/);
});

Deno.test("toProtoSchema turns null alternatives into nullable", () => {
  assert.deepEqual(toProtoSchema({ type: ["string", "null"] }, P), {
    type: "STRING",
    nullable: true,
  });
  assert.deepEqual(
    toProtoSchema({ anyOf: [{ type: "integer" }, { type: "null" }], description: "n" }, P),
    { type: "INTEGER", description: "n", nullable: true },
  );
  assert.deepEqual(
    toProtoSchema({
      oneOf: [{ $ref: "#/$defs/A" }, { type: "null" }],
      $defs: { A: { type: "object", properties: { x: { type: "boolean" } } } },
    }, P),
    { type: "OBJECT", properties: { x: { type: "BOOLEAN" } }, nullable: true },
  );
});

Deno.test("toProtoSchema keeps real alternatives as anyOf", () => {
  assert.deepEqual(
    toProtoSchema({ anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] }, P),
    { anyOf: [{ type: "STRING" }, { type: "NUMBER" }], nullable: true },
  );
  assert.deepEqual(toProtoSchema({ type: ["string", "integer"] }, P), {
    anyOf: [{ type: "STRING" }, { type: "INTEGER" }],
  });
});

Deno.test("toProtoSchema turns const into a one-value enum", () => {
  assert.deepEqual(toProtoSchema({ const: "fixed" }, P), { type: "STRING", enum: ["fixed"] });
  assert.deepEqual(toProtoSchema({ type: "integer", const: 3 }, P), {
    type: "STRING",
    enum: ["3"],
  });
});

Deno.test("toProtoSchema stringifies non-string enums and reads null as nullable", () => {
  assert.deepEqual(toProtoSchema({ type: "string", enum: ["a", "b"] }, P), {
    type: "STRING",
    enum: ["a", "b"],
  });
  assert.deepEqual(toProtoSchema({ enum: [1, 2, true] }, P), {
    type: "STRING",
    enum: ["1", "2", "true"],
  });
  assert.deepEqual(toProtoSchema({ type: ["string", "null"], enum: ["a", null] }, P), {
    type: "STRING",
    enum: ["a"],
    nullable: true,
  });
});

Deno.test("toProtoSchema merges allOf", () => {
  assert.deepEqual(toProtoSchema({ allOf: [{ type: "string", description: "d" }] }, P), {
    type: "STRING",
    description: "d",
  });
  assert.deepEqual(
    toProtoSchema({
      allOf: [
        { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
        { properties: { b: { type: "number" } }, required: ["b"] },
      ],
    }, P),
    {
      type: "OBJECT",
      properties: { a: { type: "STRING" }, b: { type: "NUMBER" } },
      required: ["a", "b"],
    },
  );
});

Deno.test("toProtoSchema infers object and array types and reads tuple items", () => {
  assert.deepEqual(toProtoSchema({ properties: { a: { type: "string" } } }, P), {
    type: "OBJECT",
    properties: { a: { type: "STRING" } },
  });
  assert.deepEqual(toProtoSchema({ items: { type: "string" } }, P), {
    type: "ARRAY",
    items: { type: "STRING" },
  });
  assert.deepEqual(toProtoSchema({ type: "array", prefixItems: [{ type: "string" }] }, P), {
    type: "ARRAY",
    items: { type: "STRING" },
  });
  assert.deepEqual(
    toProtoSchema({ type: "array", items: [{ type: "string" }, { type: "integer" }] }, P),
    {
      type: "ARRAY",
      items: { anyOf: [{ type: "STRING" }, { type: "INTEGER" }] },
    },
  );
});

Deno.test("toProtoSchema accepts empty and true schemas", () => {
  assert.deepEqual(toProtoSchema({}, P), {});
  assert.deepEqual(toProtoSchema({ type: "object", properties: { any: true } }, P), {
    type: "OBJECT",
    properties: { any: {} },
  });
});

Deno.test("toProtoSchema rejects what is not a schema", () => {
  assertInvalid(() => toProtoSchema("x", P), P, /must be an object/);
  assertInvalid(() => toProtoSchema({ type: "thing" }, P), P, /unknown type/);
  assertInvalid(() => toProtoSchema({ properties: [] }, P), P, /properties is not an object/);
  assertInvalid(() => toProtoSchema({ anyOf: {} }, P), P, /anyOf is not an array/);
  assertInvalid(() => toProtoSchema({ properties: { a: false } }, P), P);
});

Deno.test("converted schemas pass the fake Gemini's proto validation", () => {
  const schema = toProtoSchema({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    additionalProperties: false,
    properties: {
      kind: { const: "pet" },
      name: { type: ["string", "null"], examples: ["Rex"] },
      age: { anyOf: [{ type: "integer", exclusiveMinimum: 0 }, { type: "null" }] },
      owner: { $ref: "#/$defs/Person" },
    },
    required: ["kind", "name"],
    $defs: { Person: { type: "object", properties: { id: { type: "string", format: "uuid" } } } },
  }, P);
  const body = {
    contents: [{ role: "user", parts: [{ text: "hi" }] }],
    generationConfig: { responseMimeType: "application/json", responseSchema: schema },
    tools: [{ functionDeclarations: [{ name: "f", parameters: schema }] }],
  };
  const result = validateGenerateContent(body, "gemini-2.0-flash", "v1beta");
  assert.ok("request" in result, JSON.stringify(result));
});

Deno.test("Claude Code's keywords: propertyNames, $comment, exclusiveMinimum, type arrays", () => {
  const schema = {
    type: "object",
    $comment: "generated",
    propertyNames: { pattern: "^[a-z_]+$" },
    properties: {
      limit: { type: ["integer", "null"], exclusiveMinimum: 0, exclusiveMaximum: 100 },
      mode: { const: "fast", $comment: "fixed" },
      env: {
        type: "object",
        propertyNames: { type: "string" },
        additionalProperties: { type: "string" },
      },
      either: { type: ["string", "number"] },
    },
  };
  assert.deepEqual(toProtoSchema(schema, P), {
    type: "OBJECT",
    properties: {
      limit: { type: "INTEGER", nullable: true },
      mode: { enum: ["fast"], type: "STRING" },
      env: { type: "OBJECT" },
      either: { anyOf: [{ type: "STRING" }, { type: "NUMBER" }] },
    },
  });
  // Raw JSON Schema keeps them all.
  assert.deepEqual(inlineRefs(schema, P), schema);
});

Deno.test("every tool schema Claude Code 2.1.332 sends passes the fake Gemini, proto or JSON", () => {
  const body = JSON.parse(
    Deno.readTextFileSync(
      new URL("../anthropic/fixtures/claude_code_2.1.332_request.json", import.meta.url),
    ),
  );
  const tools = body.tools as { name: string; input_schema: Record<string, unknown> }[];
  const contents = [{ role: "user", parts: [{ text: "hi" }] }];
  const proto = tools.map((tool) => ({
    name: tool.name,
    parameters: toProtoSchema(tool.input_schema, tool.name),
  }));
  const json = tools.map((tool) => ({
    name: tool.name,
    parametersJsonSchema: inlineRefs(tool.input_schema, tool.name),
  }));
  for (
    const [model, declarations] of [["gemini-2.0-flash", proto], [
      "gemini-3.6-flash",
      json,
    ]] as const
  ) {
    const result = validateGenerateContent(
      { contents, tools: [{ functionDeclarations: declarations }] },
      model,
      "v1beta",
    );
    assert.ok("request" in result, JSON.stringify(result));
  }
});

Deno.test("a schema nested thousands of levels deep is a 400, not a stack overflow", () => {
  let schema: Record<string, unknown> = { type: "string" };
  for (let level = 0; level < 3000; level++) {
    schema = { type: "object", properties: { a: schema } };
  }
  assertInvalid(() => inlineRefs(schema, P), P, /nests deeper than 100 levels/);
  assertInvalid(() => toProtoSchema(schema, P), P, /nests deeper than 100 levels/);
  let allOf: Record<string, unknown> = { type: "string" };
  for (let level = 0; level < 3000; level++) allOf = { allOf: [allOf] };
  assertInvalid(() => toProtoSchema(allOf, P), P, /nests deeper than 100 levels/);
});

Deno.test("a chain of thousands of $refs is a 400, not a stack overflow", () => {
  const $defs: Record<string, unknown> = {};
  for (let index = 0; index < 3000; index++) {
    $defs[`d${index}`] = { type: "object", properties: { a: { $ref: `#/$defs/d${index + 1}` } } };
  }
  $defs.d3000 = { type: "string" };
  const schema = { $ref: "#/$defs/d0", $defs };
  assertInvalid(() => inlineRefs(schema, P), P, /nests deeper than|more than 5000 nodes/);
  assertInvalid(() => toProtoSchema(schema, P), P, /nests deeper than|more than 5000 nodes/);
});

Deno.test("schema errors quote at most an excerpt of a long name", () => {
  const name = "n".repeat(100_000);
  assertInvalid(
    () => toProtoSchema({ type: "object", properties: { [name]: 5 } }, P),
    P,
    /^.{0,400}$/s,
  );
});
