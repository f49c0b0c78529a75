// The locale modules, `log-codes/locales/TAG`, one per translation of the table: their text
// equals the JSON's, `titleIn` and the like agree with them, their declarations match their
// exports, and a TypeScript consumer of each type-checks under node16, nodenext and bundler.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import ts from "typescript";

import * as api from "log-codes";
import { packageDir, table, translated, unusedCode } from "./data.js";

const words = [
  [table.kindInfo, "kindTitle"],
  [table.groupInfo, "groupTitle"],
];

test("every translation has a module, and each module's locale is its tag", async () => {
  assert.deepEqual(translated, api.locales.slice(1));
  for (const tag of translated) {
    const module = await import(`log-codes/locales/${tag}`);
    assert.equal(module.locale, tag);
  }
});

test("a locale module gives the JSON's translations, English where a cell is not translated", async () => {
  for (const tag of translated) {
    const module = await import(`log-codes/locales/${tag}`);
    for (const row of table.codes) {
      const cells = row.translations[tag];
      assert.equal(module.title(row.code), cells?.title ?? row.title, `${tag} ${row.code}`);
      assert.equal(module.description(row.code), cells?.description ?? row.description);
      assert.deepEqual(module.translation(row.code), cells);
      if (cells) assert.ok(Object.isFrozen(module.translation(row.code)));
      assert.equal(api.titleIn(row.code, tag), module.title(row.code));
      assert.equal(api.descriptionIn(row.code, tag), module.description(row.code));
    }
    for (const [entries, fn] of words) {
      for (const entry of entries) {
        assert.equal(module[fn](entry.name), entry.translations[tag]?.title ?? entry.title);
        assert.equal(api[fn](entry.name, tag), module[fn](entry.name));
      }
    }
    for (const unknown of [unusedCode, -1, Number.NaN, "__proto__", "constructor"]) {
      assert.equal(module.title(unknown), undefined, String(unknown));
      assert.equal(module.description(unknown), undefined);
      assert.equal(module.translation(unknown), undefined);
      assert.equal(module.kindTitle(unknown), undefined);
      assert.equal(module.groupTitle(unknown), undefined);
    }
  }
});

/** The exports of a declarations file, read by the TypeScript compiler. */
function declaredExports(path) {
  const program = ts.createProgram([path], { strict: true, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(path);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(source) ?? source.symbol);
  return { checker, source, diagnostics, symbols };
}

test("a locale module's declarations compile, are documented and declare exactly its exports", async () => {
  for (const tag of translated) {
    const path = fileURLToPath(new URL(`locales/${tag}.d.ts`, packageDir));
    const { checker, source, diagnostics, symbols } = declaredExports(path);
    assert.deepEqual(diagnostics, []);
    const module = await import(`log-codes/locales/${tag}`);
    assert.deepEqual(Object.keys(module).sort(), symbols.map((s) => s.name).sort());
    for (const symbol of symbols) {
      const documented = (symbol.getDeclarations() ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      assert.ok(documented, `${tag}: ${symbol.name} has no JSDoc`);
    }
    const locale = symbols.find((s) => s.name === "locale");
    assert.equal(checker.getTypeOfSymbolAtLocation(locale, source).value, tag);
  }
});

/** A consumer of locale `tag`'s module, written from the table. */
function consumer(tag) {
  const [first] = table.codes;
  const from = JSON.stringify(`log-codes/locales/${tag}`);
  return `import { LogCode, logCodeInfo, type AnyLogCode, type Translation } from "log-codes";
import { description, groupTitle, kindTitle, locale, title, translation } from ${from};

const tag: ${JSON.stringify(tag)} = locale;
const known = LogCode[${JSON.stringify(first.name)}];
const knownTitle: string = title(known);
const knownDescription: string | null = description(known);
const info = logCodeInfo(known);
const kindHeading: string = kindTitle(info.kind);
const groupHeading: string = groupTitle(info.group);
const fromLog: AnyLogCode = Number("65535");
const maybeTitle: string | undefined = title(fromLog);
const cells: Translation | undefined = translation(fromLog);
const newerKind: string | undefined = kindTitle("from_a_newer_table");
// @ts-expect-error a code from a newer table may have no title.
const surely: string = title(fromLog);
// @ts-expect-error the module's locale is its own tag.
const other: "not-a-tag" = locale;

export { cells, groupHeading, kindHeading, knownDescription, knownTitle, maybeTitle, newerKind, other, surely, tag };
`;
}

test("a TypeScript consumer of each locale module type-checks under node16, nodenext and bundler", () => {
  const here = fileURLToPath(new URL("../", import.meta.url));
  for (const config of ["tsconfig.node16.json", "tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
    const read = ts.readConfigFile(`${here}${config}`, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, here);
    for (const tag of translated) {
      // A file that is not on disk: the compiler host hands it over, beside the real package.
      const path = `${here}locale-consumer.${tag}.ts`;
      const host = ts.createCompilerHost(options);
      const text = consumer(tag);
      const { getSourceFile, fileExists, readFile } = host;
      host.getSourceFile = (file, ...rest) =>
        file === path ? ts.createSourceFile(file, text, ts.ScriptTarget.Latest) : getSourceFile.call(host, file, ...rest);
      host.fileExists = (file) => file === path || fileExists.call(host, file);
      host.readFile = (file) => (file === path ? text : readFile.call(host, file));
      const program = ts.createProgram([path], options, host);
      const diagnostics = ts
        .getPreEmitDiagnostics(program)
        .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      assert.deepEqual(diagnostics, [], `${config}, ${tag}`);
    }
  }
});
