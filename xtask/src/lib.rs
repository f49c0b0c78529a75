//! `cargo xtask`: the thin CLI over `log-codes-codegen` that reads the table and writes the
//! artifacts into `crates/log-codes`; the only code of the project that touches the disk. One
//! module per command (`gen`, `fmt`, `guard` with `changelog` and `compat`, `checks` for `test`,
//! `bench`, `corpus`, `evolve`, `dist`, and `release` for the release checks of `test`), the command line declared once in `flags`, and the workspace's
//! facts in `project`, which every other module builds on.

pub mod add;
pub mod bench;
pub mod checks;
pub mod corpus;
pub mod dist;
pub mod evolve;
pub mod files;
pub mod flags;
pub mod fmt;
pub mod generate;
pub mod guard;
pub mod project;
pub mod rebuilds;
pub mod release;
pub mod report;
pub mod scratch;
pub mod sheets;
pub mod sql;

pub use files::{Mode, Outcome};
pub use generate::{Options, Summary, generate};
pub use project::{
    Failure, target_dir, version_of, workspace_config, workspace_root, workspace_version,
};

/// Runs the command line (without the program name) and returns the process exit code: 0 done,
/// 1 invalid table, stale files or a breaking change, 2 anything else (a usage error too).
pub fn main_with_args(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        // Internal commands, left out of the help: a measured child of `bench`, and one step of
        // `cargo xtask test` alone, for working on it.
        Some("__measure") => return bench::measure::child(&args[1..]),
        Some("__rebuilds") => {
            return finish(rebuilds::run(&workspace_root()).map(|summary| println!("{summary}")));
        }
        Some("__release") => {
            return finish(release::run(&workspace_root()).map(|summary| println!("{summary}")));
        }
        Some("__sql") => {
            return finish(sql::run(&workspace_root()).map(|summary| println!("{summary}")));
        }
        Some("__reports") => {
            let reports = checks::reports(&workspace_root());
            return finish(reports.map(|summary| println!("{summary}")));
        }
        // `help` as cargo's own subcommands take it.
        Some("help") => {
            print!("{}", flags::Xtask::HELP);
            return 0;
        }
        _ => {}
    }
    let args = flags::translations_as_options(args);
    let flags = match flags::Xtask::from_vec(args.iter().map(Into::into).collect()) {
        Ok(flags) => flags,
        Err(error) if error.is_help() => {
            print!("{}", flags::help_of(args.first().map(String::as_str)));
            return 0;
        }
        Err(error) => {
            eprintln!("error: {error}\n\nrun `cargo xtask help` for the commands and options");
            return 2;
        }
    };
    let root = workspace_root();
    let table = |input: &Option<std::path::PathBuf>| {
        input.clone().unwrap_or_else(|| root.join("codes.csv"))
    };
    let format = |format: Option<report::Format>| format.unwrap_or_default();
    let result = match flags.subcommand {
        flags::XtaskCmd::Test(_) => return checks::run_all(),
        flags::XtaskCmd::Gen(options) => {
            let reported = generate::run(&options);
            return report::emit(format(options.format), &reported);
        }
        flags::XtaskCmd::Changelog(changelog) => {
            let result = guard::changelog(&changelog.base, &table(&changelog.input));
            return report::emit(
                format(changelog.format),
                &report::Reported::Changelog(result),
            );
        }
        flags::XtaskCmd::Compat(compat) => {
            let reported = report::Reported::Compat {
                new: project::display_path(&compat.new),
                result: guard::compat(&compat.old, &compat.new),
            };
            return report::emit(format(compat.format), &reported);
        }
        flags::XtaskCmd::Add(add) => add::add(&add).map(|done| println!("{done}")),
        flags::XtaskCmd::Deprecate(deprecate) => {
            add::deprecate(&deprecate).map(|done| println!("{done}"))
        }
        flags::XtaskCmd::Fmt(fmt) => fmt::format_table(&table(&fmt.input)).map(|m| println!("{m}")),
        flags::XtaskCmd::Bench(bench) => bench::run(&bench.part),
        flags::XtaskCmd::Dist(_) => dist::run().map(|dist| print!("{}", dist.describe())),
        flags::XtaskCmd::Corpus(_) => corpus::run().map(|message| println!("{message}")),
        flags::XtaskCmd::Evolve(evolve) => evolve::run(
            &table(&evolve.input),
            evolve.cases.unwrap_or(evolve::CASES_IN_TEST),
            evolve.seed.unwrap_or_else(evolve::fresh_seed),
        )
        .map(|message| println!("{message}")),
    };
    finish(result)
}

/// The exit code of a command's result, its failure reported as text.
fn finish(result: Result<(), Failure>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(failure) => report::failure(&failure),
    }
}
