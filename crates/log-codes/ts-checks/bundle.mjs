// What each import of the package costs an app: small apps that each use one part of it, bundled
// with esbuild and with Rollup 4 (bare imports resolved by @rollup/plugin-node-resolve, minified by
// terser, as a Rollup app is), then measured minified and gzipped. The test (test/bundle.test.js)
// asserts what each bundle may and must hold; `node bundle.mjs` prints the sizes as JSON for
// `cargo xtask bench bundle`, which writes them into BENCHMARKS.md.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { build } from "esbuild";
import { rollup } from "rollup";

import { table, translated } from "./test/data.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * The apps, by what they use. Each hands what it imports to `console.log`, so that no bundler
 * may drop it; `globalThis.code` stands for a code read at run time.
 */
export function apps() {
  const apps = [
    { name: "LogCode", source: 'import { LogCode } from "log-codes";\nconsole.log(LogCode);\n' },
    {
      name: "isLogCode",
      source: 'import { isLogCode } from "log-codes";\nconsole.log(isLogCode(globalThis.code));\n',
    },
    {
      name: "Kind, Group, isLocale",
      source:
        'import { Group, Kind, isLocale } from "log-codes";\nconsole.log(Kind, Group, isLocale(globalThis.locale));\n',
    },
    {
      name: "kindOf",
      source: 'import { kindOf } from "log-codes";\nconsole.log(kindOf(globalThis.code));\n',
    },
    {
      name: "logCodeInfo(…).title",
      source: 'import { logCodeInfo } from "log-codes";\nconsole.log(logCodeInfo(globalThis.code)?.title);\n',
    },
  ];
  for (const tag of translated) {
    const locale = JSON.stringify(tag);
    apps.push(
      {
        name: `titleIn(…, ${locale})`,
        locale: tag,
        source: `import { titleIn } from "log-codes";\nconsole.log(titleIn(globalThis.code, ${locale}));\n`,
      },
      {
        name: `title from log-codes/locales/${tag}`,
        locale: tag,
        source: `import { title } from ${JSON.stringify(`log-codes/locales/${tag}`)};\nconsole.log(title(globalThis.code));\n`,
      },
    );
  }
  apps.push({
    name: "the whole package",
    source: 'import * as everything from "log-codes";\nconsole.log(everything);\n',
  });
  return apps;
}

async function withEsbuild(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    charset: "utf8",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

async function withRollup(source) {
  const warnings = [];
  const app = {
    name: "app",
    resolveId: (id) => (id === "app" ? id : null),
    load: (id) => (id === "app" ? source : null),
  };
  const bundle = await rollup({
    input: "app",
    plugins: [app, nodeResolve()],
    onwarn: (warning) => warnings.push(warning.message),
  });
  try {
    const { output } = await bundle.generate({ format: "es", plugins: [terser()] });
    if (warnings.length > 0) throw new Error(`Rollup warned:\n${warnings.join("\n")}`);
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

export const bundlers = { esbuild: withEsbuild, rollup: withRollup };

/** Every app bundled by every bundler: `{ app, bundler, code, bytes, gzip }`. */
export async function bundleAll() {
  const results = [];
  for (const app of apps()) {
    for (const [bundler, bundle] of Object.entries(bundlers)) {
      const code = await bundle(app.source);
      const bytes = Buffer.byteLength(code);
      const gzip = gzipSync(code, { level: 9 }).length;
      results.push({ app, bundler, code, bytes, gzip });
    }
  }
  return results;
}

/** A number as minifiers print it: the shorter of `2000` and `2e3`. */
function minified(number) {
  const exponent = number.toExponential().replace("e+", "e");
  return exponent.length < String(number).length ? exponent : String(number);
}

/**
 * The minified size of the `LogCode` object itself, from the table: `{Name:code,…}`. Names are
 * identifiers, so no minifier quotes them.
 */
export function logCodeObjectBytes() {
  const members = table.codes.map((c) => `${c.name}:${minified(c.code)}`);
  return Buffer.byteLength(`{${members.join(",")}}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await bundleAll();
  const sizes = results.map(({ app, bundler, bytes, gzip }) => ({ app: app.name, bundler, bytes, gzip }));
  console.log(JSON.stringify({ logCodeObjectBytes: logCodeObjectBytes(), codes: table.codes.length, sizes }, null, 2));
}
