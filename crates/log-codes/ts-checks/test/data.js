// The JSON file is the reference every language is compared with.
import { readFileSync } from "node:fs";

export const crateDir = new URL("../../", import.meta.url);
export const packageDir = new URL("ts/", crateDir);

export function readJson(url) {
  return JSON.parse(readFileSync(url, "utf8"));
}

export const table = readJson(new URL("log-codes.json", crateDir));
export const schema = readJson(new URL("log-codes.schema.json", crateDir));
export const manifest = readJson(new URL("package.json", packageDir));

/** A number no code of the table has: what a newer system might log. */
export const unusedCode = (() => {
  const used = new Set(table.codes.map((c) => c.code));
  for (let code = 0; code <= 65535; code += 1) if (!used.has(code)) return code;
  throw new Error("every number is a code");
})();

/** A code of the JSON as the npm package's metadata has it: English only. */
export function english({ translations, ...fields }) {
  return fields;
}

/** The tags of the table's translations: each is a module `log-codes/locales/TAG`. */
export const translated = table.locales.filter((locale) => locale !== "en");
