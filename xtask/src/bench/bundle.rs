//! `bench bundle`: what each import of the npm package costs an app, bundled with esbuild and with
//! Rollup 4 (`crates/log-codes/ts-checks/bundle.mjs`, which the bundle test also uses).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::Failure;
use crate::checks::steps::{NPM_CI, TS_CHECKS};

pub(super) fn run(root: &Path) -> Result<Value, Failure> {
    let dir = root.join(TS_CHECKS);
    let run = |program: &str, args: &[&str]| -> Result<Vec<u8>, Failure> {
        let output = Command::new(program)
            .args(args)
            .current_dir(&dir)
            .output()?;
        if !output.status.success() {
            return Err(Failure::Other(format!(
                "{program} {} failed:\n{}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        Ok(output.stdout)
    };
    println!("$ npm {} && node bundle.mjs", NPM_CI.join(" "));
    run("npm", &NPM_CI)?;
    let sizes = run("node", &["bundle.mjs"])?;
    serde_json::from_slice(&sizes).map_err(|e| Failure::Other(format!("bundle.mjs: {e}")))
}
