//! Renders `table/events.csv` (with `kinds.csv` and `groups.csv` beside it) into `OUT_DIR`: the
//! Rust module `src/lib.rs` includes, and the JSON the tests compare it with.

use std::path::Path;

use log_codes_codegen::{Config, Serde, Sources, Target};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sources = Sources::for_build_script(Path::new("table/events.csv"))?;
    let generated = Config::new()
        .targets(&[Target::Rust, Target::Json])
        .generated_by("the build script of log-codes-build-consumer")
        .version(env!("CARGO_PKG_VERSION"))
        .require_complete("de")
        .rust_path("log_codes_build_consumer::events")
        .serde(Serde::Feature("serde".to_owned()))
        .generate(&sources)?;
    generated.write_for_build_script(Path::new(&std::env::var("OUT_DIR")?))?;
    Ok(())
}
