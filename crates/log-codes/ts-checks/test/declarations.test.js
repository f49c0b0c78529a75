// The .d.ts must declare exactly what the .js holds. Imports of index.js resolve to index.d.ts,
// so checking the JS against its own declarations proves nothing: read the declared literal types
// with the TypeScript compiler API and compare them with the JSON instead.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import ts from "typescript";
import { english, manifest, packageDir, table } from "./data.js";

const dtsPath = fileURLToPath(new URL("index.d.ts", packageDir));

const program = ts.createProgram([dtsPath], { strict: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dtsPath);
const moduleSymbol = checker.getSymbolAtLocation(source) ?? source.symbol;
const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));

function exportedType(name) {
  const symbol = exports.get(name);
  assert.ok(symbol, `index.d.ts exports ${name}`);
  return checker.getTypeOfSymbolAtLocation(symbol, source);
}

/** A literal type as a JS value: numbers, strings, null and objects of those. */
function literalValue(type) {
  if (type.flags & ts.TypeFlags.Null) return null;
  if (type.flags & ts.TypeFlags.Object) return propertiesOf(type);
  assert.ok(type.isLiteral(), `expected a literal type, got ${checker.typeToString(type)}`);
  return type.value;
}

function propertiesOf(type) {
  return Object.fromEntries(
    checker
      .getPropertiesOfType(type)
      .map((p) => [p.name, literalValue(checker.getTypeOfSymbolAtLocation(p, source))]),
  );
}

test("the declarations compile on their own", () => {
  const diagnostics = ts.getPreEmitDiagnostics(program);
  assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")), []);
});

test("declared LogCode literal types equal the JSON", () => {
  assert.deepEqual(
    propertiesOf(exportedType("LogCode")),
    Object.fromEntries(table.codes.map((c) => [c.name, c.code])),
  );
});

test("declared Kind and Group literal types equal the JSON", () => {
  assert.deepEqual(Object.values(propertiesOf(exportedType("Kind"))), table.kinds);
  assert.deepEqual(Object.values(propertiesOf(exportedType("Group"))), table.groups);
});

test("declared metadata tuple equals the JSON, element by element", () => {
  const tuple = exportedType("logCodes");
  assert.ok(checker.isTupleType(tuple), "logCodes is declared as a tuple");
  const elements = checker.getTypeArguments(tuple).map(propertiesOf);
  assert.deepEqual(elements, table.codes.map(english));
});

test("declared locales equal the JSON", () => {
  const tuple = exportedType("locales");
  assert.ok(checker.isTupleType(tuple), "locales is declared as a tuple");
  assert.deepEqual(checker.getTypeArguments(tuple).map(literalValue), table.locales);
});

test("declared version equals the JSON", () => {
  assert.equal(literalValue(exportedType("version")), table.version);
});

test("the JS exports exactly the declared values", async () => {
  const runtime = await import("log-codes");
  const declaredValues = [...exports.values()]
    .filter((s) => s.flags & (ts.SymbolFlags.Value))
    .map((s) => s.name)
    .sort();
  assert.deepEqual(Object.keys(runtime).sort(), declaredValues);
});

test("deprecated codes, and only they, are marked @deprecated", () => {
  const logCode = exportedType("LogCode");
  for (const property of checker.getPropertiesOfType(logCode)) {
    const tag = property.getJsDocTags(checker).find((t) => t.name === "deprecated");
    const row = table.codes.find((c) => c.name === property.name);
    assert.equal(Boolean(tag), row.deprecated !== null, property.name);
  }
});

test("shipped files use only erasable syntax: no enum, no namespace", () => {
  const modules = manifest.files.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"));
  assert.ok(modules.includes("index.js") && modules.includes("index.d.ts"), "the modules were listed");
  for (const path of modules.map((f) => fileURLToPath(new URL(f, packageDir)))) {
    const file = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const found = [];
    const visit = (node) => {
      if (ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) found.push(node.getText(file));
      ts.forEachChild(node, visit);
    };
    visit(file);
    assert.deepEqual(found, [], path);
  }
});

test("every exported item has JSDoc", () => {
  for (const [name, symbol] of exports) {
    const declarations = symbol.getDeclarations() ?? [];
    const documented = declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    assert.ok(documented, `${name} has no JSDoc`);
  }
});

// The generator refuses names, words and tags that read like an export of the package (case and
// `_` ignored): its list is `RESERVED` in crates/codegen/src/naming.rs. Every export must be on
// it, so an export added later is reserved without anyone remembering to.
test("every export is reserved by the generator's naming rules", () => {
  const naming = readFileSync(
    fileURLToPath(new URL("../../../codegen/src/naming.rs", import.meta.url)),
    "utf8",
  );
  const list = naming.slice(naming.indexOf("pub const RESERVED"), naming.indexOf("];"));
  const fold = (name) => name.replaceAll("_", "").toLowerCase();
  const reserved = new Set([...list.matchAll(/"([^"]+)"/g)].map((m) => fold(m[1])));
  assert.ok(reserved.has("logcode") && reserved.has("err"), "the list was read");
  const missing = [...exports.keys()].filter((name) => !reserved.has(fold(name)));
  assert.deepEqual(missing, [], "add these exports to RESERVED in naming.rs");
});
