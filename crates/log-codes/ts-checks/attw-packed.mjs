// `attw` on the packed package, packed into the temporary directory: `attw --pack DIR` would
// write the tarball into the generated `ts/` directory. Quiet when the package is fine; on a
// problem, attw's full report.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const scratch = mkdtempSync(join(tmpdir(), "log-codes-attw-"));
try {
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", scratch, "../ts"], {
    encoding: "utf8",
  }).trim();
  const attw = (...extra) =>
    execFileSync("npx", ["attw", join(scratch, tarball), "--profile", "esm-only", ...extra], {
      stdio: "inherit",
    });
  try {
    attw("--quiet");
  } catch {
    attw();
  }
  console.log(
    "attw: no problem for ESM consumers under node16, nodenext and bundler (CommonJS resolution is left out on purpose: the package is ESM only)",
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
