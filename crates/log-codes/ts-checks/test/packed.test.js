// Installs the package the way users get it, from the tarball `npm pack` makes, into a scratch
// project, and imports it with plain Node: proves `files` and `exports` are complete and that no
// build step is needed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { manifest, packageDir, table, translated } from "./data.js";

test("the packed package installs and imports with no build step", () => {
  const [first] = table.codes;
  const scratch = mkdtempSync(join(tmpdir(), "log-codes-packed-"));
  try {
    const npm = (args, cwd) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: "pipe" });
    npm(["pack", "--silent", "--pack-destination", scratch, fileURLToPath(packageDir)], scratch);
    const tarball = readdirSync(scratch).find((f) => f.endsWith(".tgz"));
    assert.ok(tarball, "npm pack made a tarball");
    const listing = execFileSync("tar", ["-tzf", join(scratch, tarball)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .sort();
    // The licence files are listed but live beside the crate: `cargo xtask dist` stages them
    // with the package, and its release step checks the tarball it makes.
    const licences = ["LICENSE-MIT", "LICENSE-APACHE"];
    assert.deepEqual(manifest.files.filter((f) => licences.includes(f)), licences);
    const here = manifest.files.filter((f) => !licences.includes(f));
    const expected = [...here, "README.md", "package.json"].map((f) => `package/${f}`);
    assert.deepEqual(listing, expected.sort());
    writeFileSync(join(scratch, "package.json"), '{ "name": "scratch", "private": true, "type": "module" }\n');
    npm(["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", `./${tarball}`], scratch);
    const locales = translated.map((tag) => JSON.stringify(`log-codes/locales/${tag}`));
    writeFileSync(
      join(scratch, "main.js"),
      'import { LogCode, logCodeInfo } from "log-codes";\n' +
        'import data from "log-codes/log-codes.json" with { type: "json" };\n' +
        `const titles = await Promise.all([${locales.join(", ")}].map(async (m) => (await import(m)).title(${first.code})));\n` +
        `console.log(JSON.stringify([LogCode[${JSON.stringify(first.name)}], logCodeInfo(${first.code}).title, data.codes.length, titles]));\n`,
    );
    const output = execFileSync(process.execPath, ["main.js"], { cwd: scratch, encoding: "utf8" });
    const titles = translated.map((tag) => first.translations[tag]?.title ?? first.title);
    assert.deepEqual(JSON.parse(output), [first.code, first.title, table.codes.length, titles]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
