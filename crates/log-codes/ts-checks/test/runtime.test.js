import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as api from "log-codes";
import shipped from "log-codes/log-codes.json" with { type: "json" };
import { crateDir, english, manifest, packageDir, table, translated, unusedCode } from "./data.js";

const pascal = (word) => word.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("");

test("the JS module lists the same codes as the JSON, in the same order, with the same English fields", () => {
  assert.deepEqual(
    api.logCodes.map((info) => ({ ...info })),
    table.codes.map(english),
  );
  assert.deepEqual(
    Object.entries(api.LogCode),
    table.codes.map((c) => [c.name, c.code]),
  );
  assert.equal(api.version, table.version);
});

test("Kind and Group map PascalCase names to the table's words", () => {
  assert.deepEqual(Object.values(api.Kind), table.kinds);
  assert.deepEqual(Object.values(api.Group), table.groups);
  assert.deepEqual(Object.keys(api.Kind), table.kinds.map(pascal));
  assert.deepEqual(Object.keys(api.Group), table.groups.map(pascal));
});

test("LogCode maps each name to its number, and everything is frozen", () => {
  const [first] = table.codes;
  assert.equal(api.LogCode[first.name], first.code);
  for (const value of [api.LogCode, api.Kind, api.Group, api.locales, api.logCodes, ...api.logCodes]) {
    assert.ok(Object.isFrozen(value));
  }
  assert.throws(() => {
    "use strict";
    api.LogCode[first.name] = 1;
  }, TypeError);
});

test("lookups accept unknown codes and names without throwing", () => {
  // The table's own rows: an edit of the table changes which, never whether this holds.
  const last = table.codes[table.codes.length - 1];
  assert.equal(api.logCodeInfo(last.code).title, last.title);
  assert.equal(api.logCodeInfo(unusedCode), undefined);
  assert.equal(api.logCodeInfo(-1), undefined);
  assert.equal(api.logCodeInfo(Number.NaN), undefined);
  assert.equal(api.logCodeByName(last.name).code, last.code);
  assert.equal(api.logCodeByName("constructor"), undefined);
  assert.equal(api.logCodeByName("__proto__"), undefined);
  assert.equal(api.isLogCode(last.code), true);
  assert.equal(api.isLogCode(unusedCode), false);
  assert.equal(api.isLogCode(String(last.code)), false);
  assert.equal(api.isLogCode(undefined), false);
});

test("the package ships the same JSON and schema as the crate", () => {
  assert.deepEqual(shipped, table);
  for (const file of ["log-codes.json", "log-codes.schema.json"]) {
    assert.equal(
      readFileSync(new URL(file, packageDir), "utf8"),
      readFileSync(new URL(file, crateDir), "utf8"),
    );
  }
});

test("package.json carries the table's version, and exports the main module and each locale's", () => {
  assert.deepEqual(Object.keys(manifest.exports), [
    ".",
    ...translated.map((tag) => `./locales/${tag}`),
    "./log-codes.json",
    "./log-codes.schema.json",
    "./package.json",
  ]);
  assert.equal(manifest.version, table.version);
  assert.equal(manifest.type, "module");
  assert.equal(manifest.sideEffects, false);
});

test("locales are English, then the JSON's translations", () => {
  assert.deepEqual([...api.locales], table.locales);
  assert.equal(api.locales[0], "en");
  for (const locale of api.locales) assert.equal(api.isLocale(locale), true);
  for (const value of ["EN", "xx", "__proto__", "", undefined, 1]) {
    assert.equal(api.isLocale(value), false, String(value));
  }
});

test("titleIn and descriptionIn give each translation, or fall back to English per cell", () => {
  for (const locale of api.locales) {
    for (const row of table.codes) {
      const translation = row.translations[locale];
      assert.equal(api.titleIn(row.code, locale), translation?.title ?? row.title);
      assert.equal(
        api.descriptionIn(row.code, locale),
        translation?.description ?? row.description,
      );
    }
  }
  const [first] = table.codes;
  assert.equal(api.titleIn(api.LogCode[first.name], "en"), first.title);
  for (const locale of api.locales.filter((l) => l !== "en")) {
    assert.equal(
      api.titleIn(api.LogCode[first.name], locale),
      first.translations[locale]?.title ?? first.title,
    );
  }
  assert.equal(api.titleIn(unusedCode, api.locales.at(-1)), undefined);
  assert.equal(api.descriptionIn(unusedCode, "en"), undefined);
  const undescribed = table.codes.find((c) => c.description === null);
  if (undescribed) {
    assert.equal(api.descriptionIn(undescribed.code, api.locales.at(-1)), null);
  }
  // Not a locale: English, never an inherited property.
  for (const locale of ["__proto__", "constructor", "toString", "xx"]) {
    assert.equal(api.titleIn(first.code, locale), first.title, locale);
  }
});

test("kindTitle and groupTitle give the display titles, by locale, as the JSON does", () => {
  for (const [fn, entries] of [
    [api.kindTitle, table.kindInfo],
    [api.groupTitle, table.groupInfo],
  ]) {
    for (const entry of entries) {
      assert.equal(fn(entry.name), entry.title);
      assert.equal(fn(entry.name, "en"), entry.title);
      for (const locale of api.locales) {
        assert.equal(fn(entry.name, locale), entry.translations[locale]?.title ?? entry.title);
      }
    }
    // A word from a newer table, or an inherited property: undefined, never a throw.
    for (const word of ["from_the_future", "__proto__", "constructor", "toString"]) {
      assert.equal(fn(word), undefined, word);
    }
  }
  assert.deepEqual(table.kindInfo.map((k) => k.name), table.kinds);
  assert.deepEqual(table.groupInfo.map((g) => g.name), table.groups);
});

test("lookupLocale finds the best locale as RFC 4647 lookup does", () => {
  const cases = [
    ["en", "en"],
    ["EN_us", "en"],
    ["en-Latn-GB", "en"],
    ["en-a-bbb", "en"],
    ["", "en"],
    ["-", "en"],
    ["x-unknown", "en"],
  ];
  for (const locale of api.locales) {
    cases.push([locale, locale], [`${locale}-ZZ-x-private`, locale]);
  }
  for (const [tag, expected] of cases) {
    assert.equal(api.lookupLocale(tag), expected, tag);
  }
});

test("kindOf, counterpart and counterparts agree with the JSON's ranges and counterparts", () => {
  const ranges = table.kindInfo.filter((k) => k.range).map((k) => [k.range.first, k.range.last, k.name]);
  const ranged = (n) => ranges.find(([first, last]) => n >= first && n <= last)?.[2];
  const known = new Map(table.codes.map((c) => [c.code, c]));
  for (let n = 0; n <= 65535; n += 1) {
    assert.equal(api.kindOf(n), ranged(n) ?? known.get(n)?.kind, String(n));
  }
  for (const c of table.codes) {
    assert.equal(api.counterpart(c.code), c.counterpart ?? undefined);
    const failures = table.codes.filter((o) => o.counterpart === c.code).map((o) => o.code);
    assert.deepEqual(api.counterparts(c.code), failures);
  }
  assert.deepEqual(api.counterparts(unusedCode), []);
  assert.equal(api.counterpart(unusedCode), undefined);
});

