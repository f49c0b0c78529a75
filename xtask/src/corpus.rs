//! `cargo xtask corpus`: every valid table of `crates/codegen/tests/corpus/`, merged into one
//! (codes renumbered, names prefixed by their case), generated into `target/hostile/`, then
//! proven by the real tools: rustc builds the crate and runs its tests and doc tests (a cell must
//! never become a doctest), tsc type-checks the declarations, and Node imports the module and
//! finds exactly the JSON's values, and markdown-it finds no link from a cell in the docs pages. Run by `cargo xtask test` after `npm ci`.

use std::fs;
use std::path::Path;
use std::process::Command;

use log_codes_codegen::{Code, Table, Word, canonical, testing::parse};

use crate::{Failure, workspace_root};

/// Builds, tests and type-checks the merged corpus; returns how many tables and codes it held.
pub fn run() -> Result<String, Failure> {
    let root = workspace_root();
    let (cases, table) = merged(&root.join("crates/codegen/tests/corpus"))?;
    let work = crate::target_dir().join("hostile");
    fs::create_dir_all(&work)?;
    let csv = work.join("codes.csv");
    crate::sheets::write_sheets(&csv, &canonical::to_sheets(&table))?;
    let crate_dir = work.join("log-codes");
    crate::scratch::generated_crate(&crate_dir, &csv)?;

    let manifest = crate_dir.join("Cargo.toml");
    let cargo = |args: &[&str]| {
        let mut command = Command::new(env!("CARGO"));
        command
            .arg(args[0])
            .arg("--manifest-path")
            .arg(&manifest)
            .args(&args[1..])
            .env("CARGO_TARGET_DIR", work.join("target"))
            // The hand-written docs link to real codes, absent here: only those links may break.
            .env(
                "RUSTDOCFLAGS",
                "-D warnings -A rustdoc::broken_intra_doc_links",
            );
        command
    };
    // The crate's unit tests (from_code, from_name and all() against every variant) and the
    // runtime's doctests, and its docs with warnings denied (rustdoc flags HTML tags and broken
    // links a cell could carry).
    run_command(&mut cargo(&["test", "--quiet", "--all-features"]))?;
    // Whatever the generator accepts passes clippy with warnings denied.
    run_command(&mut cargo(&[
        "clippy",
        "--quiet",
        "--lib",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ]))?;
    run_command(&mut cargo(&[
        "doc",
        "--quiet",
        "--no-deps",
        "--all-features",
    ]))?;
    // No cell became a doctest: every doctest is the runtime's, below the line that starts it.
    let generated = fs::read_to_string(crate_dir.join("src/generated.rs"))?;
    let runtime_line = generated
        .lines()
        .position(|l| l == log_codes_codegen::testing::render::rust::RUNTIME_START)
        .ok_or_else(|| Failure::Other("generated.rs has no runtime".to_owned()))?
        + 1;
    let listing = cargo(&["test", "--quiet", "--doc", "--all-features", "--", "--list"])
        .output()
        .map_err(|e| Failure::Other(e.to_string()))?;
    let listing = String::from_utf8_lossy(&listing.stdout);
    let line_of = |l: &str| -> Option<usize> {
        let (_, rest) = l.split_once("(line ")?;
        rest.split_once(')')?.0.parse().ok()
    };
    let doctests: Vec<&str> = listing.lines().filter(|l| l.ends_with(": test")).collect();
    let from_cells: Vec<&&str> = (doctests.iter())
        .filter(|l| !l.contains("src/generated.rs") || line_of(l).is_none_or(|n| n < runtime_line))
        .collect();
    if doctests.is_empty() || !from_cells.is_empty() {
        return Err(Failure::Other(format!(
            "doctests from the table's cells: {from_cells:?}\n{listing}"
        )));
    }
    let tsc = root.join("crates/log-codes/ts-checks/node_modules/typescript/bin/tsc");
    let declarations: Vec<String> = std::iter::once("index.d.ts".to_owned())
        .chain(
            table
                .locales
                .iter()
                .map(|tag| format!("locales/{tag}.d.ts")),
        )
        .collect();
    fs::write(
        crate_dir.join("ts/tsconfig.json"),
        serde_json::json!({
            "compilerOptions": { "strict": true, "noEmit": true, "module": "nodenext", "moduleResolution": "nodenext", "types": [] },
            "files": declarations,
        })
        .to_string(),
    )?;
    run_command(
        Command::new("node")
            .arg(&tsc)
            .arg("-p")
            .arg(crate_dir.join("ts/tsconfig.json")),
    )?;
    let check = work.join("check.mjs");
    let ajv = root.join("crates/log-codes/ts-checks/node_modules/ajv/dist/2020.js");
    fs::write(
        &check,
        format!(
            "const AJV = {};\n",
            serde_json::to_string(&ajv.display().to_string()).expect("a string serializes")
        ) + "import assert from 'node:assert/strict';\n\
         import { readFileSync } from 'node:fs';\n\
         const dir = new URL('./log-codes/', import.meta.url);\n\
         const { logCodes, LogCode, locales, titleIn, descriptionIn } = await import(new URL('ts/index.js', dir));\n\
         const table = JSON.parse(readFileSync(new URL('log-codes.json', dir), 'utf8'));\n\
         assert.deepEqual(logCodes.map((c) => ({ ...c })), table.codes.map(({ translations, ...english }) => english));\n\
         assert.deepEqual(Object.entries(LogCode), table.codes.map((c) => [c.name, c.code]));\n\
         assert.deepEqual([...locales], table.locales);\n\
         for (const locale of locales) {\n\
           const module = locale === 'en' ? undefined : await import(new URL(`ts/locales/${locale}.js`, dir));\n\
           for (const c of table.codes) {\n\
             assert.equal(titleIn(c.code, locale), c.translations[locale]?.title ?? c.title);\n\
             assert.equal(descriptionIn(c.code, locale), c.translations[locale]?.description ?? c.description);\n\
             if (module) assert.deepEqual(module.translation(c.code), c.translations[locale]);\n\
           }\n\
         }\n\
         const { pathToFileURL } = await import('node:url');\n\
         const { default: Ajv2020 } = await import(pathToFileURL(AJV).href);\n\
         const schema = JSON.parse(readFileSync(new URL('log-codes.schema.json', dir), 'utf8'));\n\
         const ajv = new Ajv2020({ strict: true, allErrors: true });\n\
         assert.ok(ajv.validate(schema, table), ajv.errorsText());\n\
         console.log(`node: ${logCodes.length} codes in ${locales.length} locales equal the JSON, which its schema accepts`);\n",
    )?;
    run_command(Command::new("node").arg(&check))?;
    // The docs pages and READMEs read as VitePress reads them: no cell became a link.
    run_command(
        Command::new("node")
            .arg(root.join("crates/log-codes/ts-checks/markdown-links.mjs"))
            .arg(crate_dir.join("docs"))
            .arg(crate_dir.join("README.md"))
            .arg(crate_dir.join("ts/README.md")),
    )?;
    Ok(format!(
        "corpus: {cases} valid tables, {} codes: crate built, unit-tested and documented with no doctest from any cell, declarations type-checked, module values equal the JSON, the JSON valid against its schema",
        table.codes.len()
    ))
}

fn run_command(command: &mut Command) -> Result<(), Failure> {
    let status = command
        .status()
        .map_err(|e| Failure::Other(format!("{command:?}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure::Other(format!("{command:?} failed")))
    }
}

/// The valid tables of the corpus as one: case `i`'s codes become `i * 300 + row`, its names
/// `Case{i}{name}`; a kind or group keeps the declaration of the first case that has it.
pub(crate) fn merged(dir: &Path) -> Result<(usize, Table), Failure> {
    let mut paths: Vec<_> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.is_dir());
    paths.sort();
    let mut codes = Vec::new();
    let mut locales = Vec::new();
    let (mut kinds, mut groups): (Vec<Word>, Vec<Word>) = (Vec::new(), Vec::new());
    let mut cases = 0;
    for path in paths {
        let sheets = crate::sheets::read_sheets(&path.join("codes.csv")).map_err(Failure::Other)?;
        let (Some(table), _) = parse(&sheets.input()) else {
            continue;
        };
        cases += 1;
        locales.extend(table.locales);
        // Renumbered codes keep no structure: ranges, counterparts and reserved numbers are
        // each case's own (checked case by case by the codegen corpus test).
        for (merged, words) in [(&mut kinds, table.kinds), (&mut groups, table.groups)] {
            for word in words {
                if !merged.iter().any(|w| w.name == word.name) {
                    merged.push(Word {
                        range: None,
                        counterpart_of: None,
                        ..word
                    });
                }
            }
        }
        for (row, code) in table.codes.into_iter().enumerate() {
            codes.push(Code {
                code: u16::try_from(cases * 300 + row).expect("the corpus fits in u16"),
                name: format!("Case{cases}{}", code.name),
                counterpart: None,
                ..code
            });
        }
    }
    Ok((cases, Table::new(codes, kinds, groups, locales)))
}
