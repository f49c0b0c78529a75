// Validates every `*.json` report in a directory against the schema its `$schema` names, with
// the schemas in the directories given (`xtask/schemas/` for `cargo xtask --format json`,
// `crates/cli/schemas/` for `log-codes check --format json`): `node validate-reports.mjs
// REPORTS SCHEMAS…`. Run by `cargo xtask test`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [reports, ...schemaDirs] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
for (const schemas of schemaDirs) {
  for (const file of readdirSync(schemas).filter((f) => f.endsWith(".schema.json"))) {
    ajv.addSchema(JSON.parse(readFileSync(join(schemas, file), "utf8")));
  }
}
const counts = {};
let failed = 0;
for (const file of readdirSync(reports).filter((f) => f.endsWith(".json")).sort()) {
  const report = JSON.parse(readFileSync(join(reports, file), "utf8"));
  const validate = ajv.getSchema(report.$schema);
  if (!validate) {
    console.error(`${file}: no schema ${JSON.stringify(report.$schema)}`);
    failed += 1;
  } else if (!validate(report)) {
    console.error(`${file}: ${ajv.errorsText(validate.errors)}`);
    failed += 1;
  } else {
    const key = `${report.report} (${report.ok ? "passed" : "failed"})`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
}
if (failed > 0) process.exit(1);
const summary = Object.entries(counts).map(([key, n]) => `${n} ${key}`).join(", ");
console.log(`ajv: every report valid against its schema: ${summary}`);
