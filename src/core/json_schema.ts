/**
 * Client JSON Schemas → the schemas Gemini accepts.
 *
 * Gemini takes raw JSON Schema (`responseJsonSchema`, `parametersJsonSchema`) on every model that
 * supports it ({@linkcode supportsJsonSchema}), and the proto `Schema` (`responseSchema`,
 * `parameters`) on older models.
 *
 * Both start by inlining references ({@linkcode inlineRefs}): Gemini refuses a `$ref` beside
 * other keywords and references to `$defs` it cannot resolve, so every local `$ref` is replaced by
 * the schema it points to and `$defs`/`definitions` are dropped. Raw JSON Schema keeps every
 * other keyword; a recursive `$ref` is unrolled {@linkcode RECURSION_DEPTH} times and then left
 * unconstrained, as Gemini itself unrolls recursion to a finite depth.
 *
 * The proto conversion then turns `{type: "null"}` alternatives and `type: [T, "null"]` into
 * `nullable`, `const` into a one-value `enum`, merges `allOf`, keeps only the keywords the proto
 * knows and drops the rest (`additionalProperties`, `$schema`, `examples`, `exclusiveMinimum`…).
 * The proto cannot hold a reference, so there a recursive or non-local `$ref` is a 400.
 * @module
 */

import type { Schema } from "../gemini/types.ts";
import { isRecord } from "../http/fields.ts";
import { MAX_DEPTH } from "./depth.ts";
import { invalidRequest } from "./errors.ts";
import { excerpt } from "./excerpt.ts";
import { modelFamily } from "./model_family.ts";

/** The largest number of schema nodes one conversion may produce. */
const MAX_NODES = 5000;

/** How many times a recursive `$ref` is expanded inside itself before it is cut. */
export const RECURSION_DEPTH = 3;

/**
 * Whether `model` accepts raw JSON Schema in `responseJsonSchema` and `parametersJsonSchema`:
 * every model outside the legacy family (Gemini 1.x, Gemini 2.0 and Gemma).
 */
export function supportsJsonSchema(model: string): boolean {
  return modelFamily(model) !== "legacy";
}

/**
 * The JSON Schema `schema` with its local `$ref`s inlined (the keywords beside a `$ref` win over
 * the referenced schema's) and `$defs`/`definitions` dropped; every other keyword, and any
 * non-local `$ref`, is kept. `param` names the schema in errors.
 */
export function inlineRefs(
  schema: Record<string, unknown>,
  param: string,
): Record<string, unknown> {
  return new Inliner(schema, param, false).inline(schema, "#", []) as Record<string, unknown>;
}

/** Converts the JSON Schema `schema` to a proto `Schema`; `param` names it in errors. */
export function toProtoSchema(schema: unknown, param: string): Schema {
  if (!isRecord(schema)) {
    throw invalidRequest(`Invalid '${param}': a JSON Schema must be an object.`, param);
  }
  const inlined = new Inliner(schema, param, true).inline(schema, "#", []);
  return new Converter(param).convert(inlined, "#");
}

const TYPES = ["string", "number", "integer", "boolean", "array", "object", "null"];

const FORMATS: Record<string, string[]> = {
  STRING: ["enum", "date-time"],
  NUMBER: ["float", "double"],
  INTEGER: ["int32", "int64"],
};

const COPIED = [
  "title",
  "description",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "example",
  "default",
] as const;

/** Keywords whose value is one schema (`items` may also be a list). */
const SCHEMA_KEYWORDS = [
  "items",
  "additionalItems",
  "additionalProperties",
  "unevaluatedItems",
  "unevaluatedProperties",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
];

/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "dependentSchemas"];

/** What both passes share: the field the schema came from, and bounds on the work. */
class Pass {
  #nodes = 0;
  #depth = 0;

  constructor(readonly param: string) {}

  /** Counts one more schema node; a 400 past {@linkcode MAX_NODES}. */
  count(): void {
    if (++this.#nodes > MAX_NODES) {
      this.fail(`the schema expands to more than ${MAX_NODES} nodes`);
    }
  }

  /** Runs `step` one schema level deeper; a 400 past {@linkcode MAX_DEPTH} levels. */
  nested<T>(step: () => T): T {
    if (++this.#depth > MAX_DEPTH) {
      this.fail(`the schema nests deeper than ${MAX_DEPTH} levels`);
    }
    try {
      return step();
    } finally {
      this.#depth--;
    }
  }

  fail(message: string): never {
    throw invalidRequest(
      `Invalid '${this.param}': ${message}. Gemini's schema format cannot represent it.`,
      this.param,
    );
  }
}

/**
 * Replaces `$ref`s by what they point to. `strict` (for the proto) makes a recursive or
 * non-local `$ref` a 400; otherwise recursion is cut and non-local references are kept.
 */
class Inliner extends Pass {
  constructor(readonly root: Record<string, unknown>, param: string, readonly strict: boolean) {
    super(param);
  }

  /** Inlines `node`, found at `pointer`, while the `$ref`s in `expanding` are being inlined. */
  inline(node: unknown, pointer: string, expanding: string[]): unknown {
    if (!isRecord(node)) return node;
    return this.nested(() => this.inlineRecord(node, pointer, expanding));
  }

  inlineRecord(node: Record<string, unknown>, pointer: string, expanding: string[]): unknown {
    this.count();
    const { $ref, $defs: _defs, definitions: _definitions, ...rest } = node;
    const own = this.children(rest, pointer, expanding);
    if ($ref === undefined) return own;
    if (typeof $ref !== "string" || !$ref.startsWith("#")) {
      if (this.strict) {
        this.fail(`${excerpt(pointer)}: only local $ref values ("#/…") are supported`);
      }
      return { $ref, ...own };
    }
    const depth = expanding.filter((ref) => ref === $ref).length;
    if (depth > 0 && this.strict) {
      this.fail(
        `${excerpt(pointer)}: the $ref ${
          excerpt($ref)
        } is recursive, which Gemini's schema cannot express`,
      );
    }
    if (depth >= RECURSION_DEPTH) return own;
    const target = this.inline(this.resolve($ref, pointer), $ref, [...expanding, $ref]);
    return mergeSchemas(target as Record<string, unknown>, own);
  }

  /** `node` with the schemas under its keywords inlined. */
  children(
    node: Record<string, unknown>,
    pointer: string,
    expanding: string[],
  ): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const at = `${pointer}/${key}`;
        if (SCHEMA_LIST_KEYWORDS.includes(key) && Array.isArray(value)) {
          return [key, value.map((item, index) => this.inline(item, `${at}/${index}`, expanding))];
        }
        if (SCHEMA_MAP_KEYWORDS.includes(key) && isRecord(value)) {
          return [
            key,
            Object.fromEntries(
              Object.entries(value).map((
                [name, item],
              ) => [name, this.inline(item, `${at}/${name}`, expanding)]),
            ),
          ];
        }
        if (SCHEMA_KEYWORDS.includes(key)) return [key, this.inline(value, at, expanding)];
        return [key, value];
      }),
    );
  }

  resolve(ref: string, pointer: string): Record<string, unknown> {
    let target: unknown = this.root;
    for (const token of ref.slice(1).split("/").filter(Boolean)) {
      const key = decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~");
      target = isRecord(target) || Array.isArray(target)
        ? (target as Record<string, unknown>)[key]
        : undefined;
    }
    if (!isRecord(target)) {
      this.fail(`${excerpt(pointer)}: the $ref ${excerpt(ref)} points to no schema`);
    }
    return target;
  }
}

/** Converts a schema without references to the proto `Schema`. */
class Converter extends Pass {
  /** Converts `node`, found at `pointer`. */
  convert(node: unknown, pointer: string): Schema {
    this.count();
    if (node === true || (isRecord(node) && Object.keys(node).length === 0)) return {};
    if (!isRecord(node)) this.fail(`${excerpt(pointer)} is not a schema object`);
    return this.nested(() => this.translate(this.flatten(node, pointer), pointer));
  }

  /** Merges `allOf`, so the node's own keywords can be read directly. */
  flatten(node: Record<string, unknown>, pointer: string): Record<string, unknown> {
    return this.nested(() => this.flattenAllOf(node, pointer));
  }

  flattenAllOf(node: Record<string, unknown>, pointer: string): Record<string, unknown> {
    const { allOf, ...rest } = node;
    if (allOf === undefined) return rest;
    if (!Array.isArray(allOf)) this.fail(`${excerpt(`${pointer}/allOf`)} is not an array`);
    const merged = allOf.reduce<Record<string, unknown>>((merged, part, index) => {
      if (!isRecord(part)) {
        this.fail(`${excerpt(`${pointer}/allOf/${index}`)} is not a schema object`);
      }
      return mergeSchemas(merged, this.flatten(part, `${pointer}/allOf/${index}`));
    }, {});
    return mergeSchemas(merged, rest);
  }

  translate(node: Record<string, unknown>, pointer: string): Schema {
    const schema: Schema = {};
    let nullable = node.nullable === true;
    let types = this.typesOf(node.type, pointer);
    if (types.includes("null")) {
      nullable = true;
      types = types.filter((type) => type !== "null");
    }
    for (const key of COPIED) {
      if (node[key] !== undefined) (schema as Record<string, unknown>)[key] = node[key];
    }

    const alternatives = [node.anyOf, node.oneOf].flatMap((list, which) => {
      if (list === undefined) return [];
      const name = which === 0 ? "anyOf" : "oneOf";
      if (!Array.isArray(list)) this.fail(`${excerpt(`${pointer}/${name}`)} is not an array`);
      return list.map((item, index) => ({ item, pointer: `${pointer}/${name}/${index}` }));
    });
    const options = alternatives.filter(({ item }) => !(isRecord(item) && item.type === "null"));
    if (options.length < alternatives.length) nullable = true;

    if (types.length > 1) {
      schema.anyOf = types.map((type) =>
        this.convert({ ...node, type, anyOf: undefined, oneOf: undefined }, pointer)
      );
      if (nullable) schema.nullable = true;
      return schema;
    }
    if (types.length === 1) schema.type = types[0].toUpperCase();

    let values: unknown[] | undefined;
    if (node.const !== undefined) values = [node.const];
    else if (Array.isArray(node.enum)) values = node.enum;
    if (values) {
      if (values.includes(null)) nullable = true;
      const present = values.filter((value) => value !== null);
      schema.enum = present.map((value) =>
        typeof value === "string" ? value : JSON.stringify(value)
      );
      if (!present.every((value) => typeof value === "string") || !schema.type) {
        schema.type = "STRING";
      }
    }

    if (typeof node.format === "string" && FORMATS[schema.type ?? ""]?.includes(node.format)) {
      schema.format = node.format;
    }

    if (schema.type === "ARRAY" || (!schema.type && node.items !== undefined)) {
      const items = Array.isArray(node.items) ? node.items : node.items ?? node.prefixItems;
      if (Array.isArray(items)) {
        if (items.length === 1) {
          schema.items = this.convert(items[0], `${pointer}/items/0`);
        } else if (items.length > 1) {
          schema.items = {
            anyOf: items.map((item, index) => this.convert(item, `${pointer}/items/${index}`)),
          };
        }
      } else if (items !== undefined) {
        schema.items = this.convert(items, `${pointer}/items`);
      }
      if (!schema.type) schema.type = "ARRAY";
    }

    if (node.properties !== undefined) {
      if (!isRecord(node.properties)) {
        this.fail(`${excerpt(`${pointer}/properties`)} is not an object`);
      }
      schema.properties = Object.fromEntries(
        Object.entries(node.properties).map(([name, property]) => [
          name,
          this.convert(property, `${pointer}/properties/${name}`),
        ]),
      );
      if (!schema.type) schema.type = "OBJECT";
    }
    if (Array.isArray(node.required)) {
      schema.required = node.required.filter((name): name is string => typeof name === "string");
    }
    if (Array.isArray(node.propertyOrdering)) schema.propertyOrdering = node.propertyOrdering;

    if (options.length === 1 && !schema.anyOf) {
      const only = this.convert(options[0].item, options[0].pointer);
      Object.assign(schema, { ...only, ...schema });
    } else if (options.length > 1) {
      const converted = options.map((option) => this.convert(option.item, option.pointer));
      schema.anyOf = schema.anyOf ? [...schema.anyOf, ...converted] : converted;
    }
    if (nullable) schema.nullable = true;
    return schema;
  }

  /** The node's types, lowercase and without duplicates. */
  typesOf(type: unknown, pointer: string): string[] {
    if (type === undefined) return [];
    const list: unknown[] = Array.isArray(type) ? type : [type];
    return [
      ...new Set(list.map((item) => {
        if (typeof item !== "string" || !TYPES.includes(item.toLowerCase())) {
          this.fail(
            `${excerpt(`${pointer}/type`)} has an unknown type ${excerpt(JSON.stringify(item))}`,
          );
        }
        return item.toLowerCase();
      })),
    ];
  }
}

/** `a` and `b` merged: `b` wins, except `properties` (united) and `required` (concatenated). */
function mergeSchemas(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...a, ...b };
  if (isRecord(a.properties) && isRecord(b.properties)) {
    merged.properties = { ...a.properties, ...b.properties };
  }
  if (Array.isArray(a.required) && Array.isArray(b.required)) {
    merged.required = [...new Set([...a.required, ...b.required])];
  }
  return merged;
}
