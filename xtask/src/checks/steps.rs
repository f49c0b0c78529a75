//! The steps of `cargo xtask test` that are commands (cargo, npm), in the order that fails
//! fastest; the in-process steps are in `checks.rs`.

/// One step: a command run from a directory of the workspace.
pub(super) struct Step {
    pub(super) name: &'static str,
    pub(super) dir: &'static str,
    pub(super) program: &'static str,
    pub(super) args: &'static [&'static str],
    pub(super) env: &'static [(&'static str, &'static str)],
    /// A target directory of its own, below the build's (`CARGO_TARGET_DIR` or `target/`).
    pub(super) target: Option<&'static str>,
    /// Why a warning this step prints is expected, said in its own output.
    pub(super) expected_warning: Option<&'static str>,
    /// A rustup target whose standard library the step needs; without it the step is skipped,
    /// saying so (`rustup target add` makes it run).
    pub(super) needs_target: Option<&'static str>,
}

const fn step(name: &'static str, program: &'static str, args: &'static [&'static str]) -> Step {
    Step {
        name,
        dir: ".",
        program,
        args,
        env: &[],
        target: None,
        expected_warning: None,
        needs_target: None,
    }
}

/// A Windows target the xtask is checked for, when its standard library is installed.
const WINDOWS: &str = "x86_64-pc-windows-gnu";

const CONSUMER: &str = "tests/consumer/Cargo.toml";

/// The crate whose build script renders its own table with the generator.
const BUILD_CONSUMER: &str = "tests/build-consumer/Cargo.toml";

/// The private npm project holding the TypeScript tooling and tests of the package in `ts/`.
pub(crate) const TS_CHECKS: &str = "crates/log-codes/ts-checks";

/// `npm ci` of the tooling as pinned in its lockfile. No install script of the tooling is
/// needed (esbuild's only checks its binary, which npm installed); they only print.
pub(crate) const NPM_CI: [&str; 4] = ["ci", "--ignore-scripts", "--no-audit", "--no-fund"];

/// Every step run as a command, in order.
pub(super) fn steps() -> Vec<Step> {
    vec![
        step("rustfmt", "cargo", &["fmt", "--all", "--check"]),
        step(
            "rustfmt (consumer)",
            "cargo",
            &["fmt", "--manifest-path", CONSUMER, "--check"],
        ),
        step(
            "clippy",
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--all-features",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        Step {
            needs_target: Some(WINDOWS),
            ..step(
                "the xtask builds on Windows (Unix-only code behind cfg(unix))",
                "cargo",
                &[
                    "check", "-p", "xtask", "--target", WINDOWS, "--locked", "--quiet",
                ],
            )
        },
        step(
            "clippy (log-codes, no features)",
            "cargo",
            &[
                "clippy",
                "-p",
                "log-codes",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        step(
            "clippy (the generator without render, as the tool installs it)",
            "cargo",
            &[
                "clippy",
                "-p",
                "log-codes-codegen",
                "--no-default-features",
                "--locked",
                "--",
                "-D",
                "warnings",
            ],
        ),
        step(
            "tests",
            "cargo",
            &["test", "--workspace", "--all-features", "--locked"],
        ),
        step(
            "tests (log-codes, no features)",
            "cargo",
            &["test", "-p", "log-codes", "--locked"],
        ),
        Step {
            env: &[("RUSTDOCFLAGS", "-D warnings")],
            ..step(
                "rustdoc",
                "cargo",
                &[
                    "doc",
                    "--workspace",
                    "--no-deps",
                    "--all-features",
                    "--locked",
                ],
            )
        },
        Step {
            target: Some("consumer"),
            ..step(
                "consumer crate, no default features",
                "cargo",
                &["test", "--manifest-path", CONSUMER, "--locked"],
            )
        },
        Step {
            target: Some("consumer"),
            ..step(
                "consumer crate, serde",
                "cargo",
                &[
                    "test",
                    "--manifest-path",
                    CONSUMER,
                    "--features",
                    "serde",
                    "--locked",
                ],
            )
        },
        Step {
            target: Some("consumer"),
            ..step(
                "clippy (consumer)",
                "cargo",
                &[
                    "clippy",
                    "--manifest-path",
                    CONSUMER,
                    "--all-targets",
                    "--features",
                    "serde",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        },
        step(
            "rustfmt (build-script consumer)",
            "cargo",
            &["fmt", "--manifest-path", BUILD_CONSUMER, "--check"],
        ),
        Step {
            target: Some("build-consumer"),
            ..step(
                "build-script consumer: its own table rendered by build.rs, included from OUT_DIR",
                "cargo",
                &["test", "--manifest-path", BUILD_CONSUMER, "--locked"],
            )
        },
        Step {
            target: Some("build-consumer"),
            ..step(
                "build-script consumer, serde",
                "cargo",
                &[
                    "test",
                    "--manifest-path",
                    BUILD_CONSUMER,
                    "--features",
                    "serde",
                    "--locked",
                ],
            )
        },
        Step {
            target: Some("build-consumer"),
            ..step(
                "clippy (build-script consumer)",
                "cargo",
                &[
                    "clippy",
                    "--manifest-path",
                    BUILD_CONSUMER,
                    "--all-targets",
                    "--features",
                    "serde",
                    "--locked",
                    "--",
                    "-D",
                    "warnings",
                ],
            )
        },
        Step {
            dir: TS_CHECKS,
            ..step(
                "npm ci (TypeScript tooling and bundlers, pinned)",
                "npm",
                &NPM_CI,
            )
        },
        Step {
            dir: TS_CHECKS,
            ..step(
                "TypeScript: tsc on the generator's templates, tsc --strict x3, node --test (bundle sizes with esbuild and Rollup), publint, attw",
                "npm",
                &["test"],
            )
        },
    ]
}
