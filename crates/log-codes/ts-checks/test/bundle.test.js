// Each import costs what it uses: bundles of small apps (bundle.mjs) hold exactly the text their
// imports need. Limits and expected strings come from the table, never from today's rows.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { test } from "node:test";

import ts from "typescript";

import { bundleAll, logCodeObjectBytes } from "../bundle.mjs";
import { table, translated } from "./data.js";

/** Every string a JavaScript source holds, as the values its literals denote. */
function literals(source) {
  const file = ts.createSourceFile("bundle.js", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found = new Set();
  const visit = (node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// The strings the package's fixed code uses ("number", "en", …): a cell equal to one of them may
// be in any bundle, so it proves nothing either way.
const templates = new URL("../../../codegen/runtime/ts/", import.meta.url);
const runtimeStrings = new Set(
  ["", "locales/"].flatMap((dir) =>
    readdirSync(new URL(dir, templates))
      .filter((f) => f.endsWith(".js"))
      .flatMap((f) => [...literals(readFileSync(new URL(dir + f, templates), "utf8"))]),
  ),
);

const words = [...table.kindInfo, ...table.groupInfo];
const english = {
  titles: table.codes.map((c) => c.title),
  descriptions: table.codes.flatMap((c) => [c.description, c.deprecated]).filter((t) => t !== null),
  wordTitles: words.map((w) => w.title),
};
const texts = (locale) => ({
  titles: table.codes.flatMap((c) => c.translations[locale]?.title ?? []),
  descriptions: table.codes.flatMap((c) => c.translations[locale]?.description ?? []),
  wordTitles: words.flatMap((w) => w.translations[locale]?.title ?? []),
});
const all = (sets) => sets.flatMap((set) => Object.values(set).flat());
const everyText = all([english, ...translated.map(texts)]);

const results = await bundleAll();
const objectBytes = logCodeObjectBytes();

function bundlesOf(name) {
  const found = results.filter((r) => r.app.name === name);
  assert.equal(found.length, 2, `${name} was bundled by esbuild and Rollup`);
  return found;
}

/**
 * `bundle` holds every string of `required` and none of `forbidden`, but for those it may hold
 * for another reason (another allowed text, a word, the runtime's own strings).
 */
function assertHolds({ bundler, app, code }, { required = [], forbidden = [], allowed = [] }) {
  const held = literals(code);
  const missing = required.filter((text) => !held.has(text));
  assert.deepEqual(missing, [], `${app.name} (${bundler}) lacks text it needs`);
  const excused = new Set([...required, ...allowed, ...runtimeStrings, ...table.kinds, ...table.groups]);
  const leaked = forbidden.filter((text) => held.has(text) && !excused.has(text));
  assert.deepEqual(leaked, [], `${app.name} (${bundler}) holds text it does not use`);
}

test("importing only LogCode bundles the object and at most 300 bytes more, and no text", () => {
  for (const result of bundlesOf("LogCode")) {
    assert.ok(
      result.bytes <= objectBytes + 300,
      `${result.bundler}: ${result.bytes} B > ${objectBytes} B of LogCode + 300 B`,
    );
    assertHolds(result, { forbidden: everyText });
  }
});

test("isLogCode, kindOf, Kind, Group and isLocale bundle no titles, descriptions or translations", () => {
  for (const result of bundlesOf("isLogCode")) {
    assert.ok(result.bytes <= objectBytes + 300, `${result.bundler}: ${result.bytes} B`);
    assertHolds(result, { forbidden: everyText });
  }
  for (const name of ["kindOf", "Kind, Group, isLocale"]) {
    for (const result of bundlesOf(name)) assertHolds(result, { forbidden: everyText });
  }
});

test("logCodeInfo(…).title bundles the English metadata and no translation", () => {
  for (const result of bundlesOf("logCodeInfo(…).title")) {
    assertHolds(result, {
      required: english.titles,
      forbidden: all(translated.map(texts)),
      allowed: all([english]),
    });
  }
});

test("titleIn(…, locale) bundles that locale's titles; a locale's module only its own", () => {
  for (const tag of translated) {
    const locale = texts(tag);
    const others = translated.filter((t) => t !== tag).map(texts);
    for (const result of bundlesOf(`titleIn(…, ${JSON.stringify(tag)})`)) {
      assertHolds(result, { required: [...locale.titles, ...english.titles] });
    }
    for (const result of bundlesOf(`title from log-codes/locales/${tag}`)) {
      assertHolds(result, {
        required: [...locale.titles, ...english.titles],
        forbidden: [...locale.descriptions, ...locale.wordTitles, ...all(others)],
        allowed: all([english]),
      });
    }
  }
});

test("the whole package holds every text, and each part is smaller than it", () => {
  for (const whole of bundlesOf("the whole package")) {
    assertHolds(whole, { required: everyText });
    for (const part of results.filter((r) => r.bundler === whole.bundler && r !== whole)) {
      assert.ok(part.bytes < whole.bytes, `${part.app.name} (${part.bundler})`);
    }
  }
});
