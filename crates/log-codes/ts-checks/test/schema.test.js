import assert from "node:assert/strict";
import { test } from "node:test";

import Ajv2020 from "ajv/dist/2020.js";
import { schema, table } from "./data.js";

const ajv = new Ajv2020({ strict: true, allErrors: true });
const validate = ajv.compile(schema);

const clone = (value) => structuredClone(value);

test("log-codes.json is valid against its schema", () => {
  assert.ok(validate(table), ajv.errorsText(validate.errors));
  assert.equal(table.$schema, "./log-codes.schema.json");
});

test("codes and names are unique, and codes are sorted (a schema cannot say it)", () => {
  const codes = table.codes.map((c) => c.code);
  const names = table.codes.map((c) => c.name);
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(codes, [...codes].sort((a, b) => a - b));
});

test("locales are English, then the sorted tags the codes translate into", () => {
  const translated = new Set(table.codes.flatMap((c) => Object.keys(c.translations)));
  assert.equal(table.locales[0], "en");
  for (const tag of translated) assert.ok(table.locales.includes(tag), tag);
  assert.deepEqual(table.locales.slice(1), [...table.locales.slice(1)].sort());
});

test("kinds and groups are the sorted distinct words of the codes", () => {
  const distinct = (field) => [...new Set(table.codes.map((c) => c[field]))].sort();
  assert.deepEqual(table.kinds, distinct("kind"));
  assert.deepEqual(table.groups, distinct("group"));
});

const broken = {
  "a missing field": (t) => delete t.codes[0].title,
  "an unknown kind": (t) => (t.codes[0].kind = "warning"),
  "an unknown group": (t) => (t.codes[0].group = "nope"),
  "an extra property on a code": (t) => (t.codes[0].severity = "high"),
  "an extra top-level property": (t) => (t.generatedAt = "today"),
  "a code out of range": (t) => (t.codes[0].code = 70000),
  "a fractional code": (t) => (t.codes[0].code = 1.5),
  "a name that is not PascalCase": (t) => (t.codes[0].name = "api_read"),
  "an empty title": (t) => (t.codes[0].title = ""),
  "a description that is a number": (t) => (t.codes[0].description = 5),
  "a missing version": (t) => delete t.version,
  "a version that is not semver": (t) => (t.version = "one"),
  "a missing locales list": (t) => delete t.locales,
  "an unknown locale in the list": (t) => t.locales.push("xx"),
  "missing translations": (t) => delete t.codes[0].translations,
  "a translation into an unknown locale": (t) => (t.codes[0].translations.xx = { title: "X" }),
  "a translation into English": (t) => (t.codes[0].translations.en = { title: "X" }),
  "a translation without a title": (t) => (t.codes[0].translations.tr = { description: "X" }),
  "an empty translated title": (t) => (t.codes[0].translations.tr = { title: "" }),
  "a null translated description": (t) =>
    (t.codes[0].translations.tr = { title: "X", description: null }),
  "an extra property on a translation": (t) =>
    (t.codes[0].translations.tr = { title: "X", note: "Y" }),
};

for (const [what, breakIt] of Object.entries(broken)) {
  test(`the schema rejects ${what}`, () => {
    const data = clone(table);
    breakIt(data);
    assert.equal(validate(data), false);
  });
}
