//! The README's recipes for using the project from another repository, read from the README
//! itself (each file of a recipe is the fenced block after a `<!-- recipe: NAME FILE -->` line)
//! and run in scratch repositories, so the README cannot drift from what works.

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::{fresh, table_json};
use crate::project::Failure;
use crate::project::{output_of, run_quietly};

/// The recipe files of the README, as `(recipe, file, contents)` in order.
pub fn read(readme: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        let Some(rest) = line.strip_prefix("<!-- recipe: ") else {
            continue;
        };
        let Some((recipe, file)) = rest.trim_end_matches("-->").trim().split_once(' ') else {
            continue;
        };
        if !lines.next().is_some_and(|fence| fence.starts_with("```")) {
            continue;
        }
        let body: Vec<&str> = lines
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .collect();
        found.push((recipe.to_owned(), file.to_owned(), body.join("\n") + "\n"));
    }
    found
}

/// The files of one recipe, placeholders filled in.
struct Recipe<'a> {
    name: &'a str,
    files: Vec<(String, String)>,
}

impl Recipe<'_> {
    fn file(&self, name: &str) -> Result<&str, Failure> {
        (self.files.iter())
            .find(|(file, _)| file == name)
            .map(|(_, text)| text.as_str())
            .ok_or_else(|| {
                Failure::Other(format!("the README's recipe `{}` has no {name}", self.name))
            })
    }

    /// Writes every file of the recipe into `dir`, `Cargo.toml` below a scratch package's
    /// header (which is not the recipe's part).
    fn write_into(&self, dir: &Path, package: &str) -> Result<(), Failure> {
        for (file, text) in &self.files {
            let path = dir.join(file);
            fs::create_dir_all(path.parent().expect("a file in the scratch directory"))?;
            let text = match file.as_str() {
                "Cargo.toml" => format!(
                    "[package]\nname = \"{package}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n# A repository of its own, not a member of any workspace around it.\n[workspace]\n\n{text}"
                ),
                _ => text.clone(),
            };
            fs::write(path, text)?;
        }
        Ok(())
    }
}

pub fn run(root: &Path, work: &Path, dist: &Path, version: &str) -> Result<Vec<String>, Failure> {
    let readme = fs::read_to_string(root.join("README.md"))?;
    let origin = clone_with_tag(root, work, version)?;
    let url = format!("file://{}", origin.display());
    let release_url = dist.display().to_string();
    let fill = |text: &str| {
        text.replace("<repository-url>", &url)
            .replace("<release-url>", &release_url)
            .replace("<version>", version)
    };
    let all = read(&readme);
    let recipe = |name: &'static str| -> Result<Recipe<'static>, Failure> {
        let files: Vec<(String, String)> = (all.iter())
            .filter(|(recipe, _, _)| recipe == name)
            .map(|(_, file, text)| (file.clone(), fill(text)))
            .collect();
        if files.is_empty() {
            return Err(Failure::Other(format!("the README has no recipe `{name}`")));
        }
        Ok(Recipe { name, files })
    };
    let table = table_json(root)?;
    let target = work.join("target");
    rust(&recipe("rust")?, root, work, &target, &table)?;
    build_script(&recipe("build-script")?, root, work, &target, &table)?;
    npm(&recipe("npm")?, work, &table)?;
    json(&recipe("json")?, root, work, dist, &table, version)?;
    Ok(vec![
        "a git dependency on the tag".to_owned(),
        "the generator in a build script".to_owned(),
        "the npm tarball".to_owned(),
        "the JSON validated by its schema".to_owned(),
    ])
}

/// A clone of the work tree, committed and tagged as the release, as another repository would
/// find it: HEAD, then the work tree's changes and new files on top (the README's workflow
/// runs `cargo xtask test` before the commit), in a commit of the clone's own.
fn clone_with_tag(root: &Path, work: &Path, version: &str) -> Result<std::path::PathBuf, Failure> {
    let origin = work.join("origin");
    let _ = fs::remove_dir_all(&origin);
    let git = |dir: &Path| {
        let mut command = Command::new("git");
        command.arg("-C").arg(dir).args([
            "-c",
            "user.name=release check",
            "-c",
            "user.email=release-check@localhost",
            "-c",
            "commit.gpgsign=false",
        ]);
        command
    };
    run_quietly(
        Command::new("git")
            .args(["clone", "--quiet", "--no-local"])
            .arg(root)
            .arg(&origin),
    )?;
    let changes = work.join("work-tree.diff");
    fs::write(
        &changes,
        output_of(git(root).args(["diff", "HEAD", "--binary"]))?,
    )?;
    if fs::metadata(&changes)?.len() > 0 {
        run_quietly(git(&origin).args(["apply", "--index"]).arg(&changes))?;
    }
    let untracked =
        output_of(git(root).args(["ls-files", "--others", "--exclude-standard", "-z"]))?;
    for file in untracked.split('\0').filter(|f| !f.is_empty()) {
        let to = origin.join(file);
        fs::create_dir_all(to.parent().expect("a file in the clone"))?;
        fs::copy(root.join(file), &to)?;
        run_quietly(git(&origin).args(["add", "--", file]))?;
    }
    let staged = git(&origin)
        .args(["diff", "--cached", "--quiet"])
        .status()?;
    if !staged.success() {
        run_quietly(git(&origin).args([
            "commit",
            "--quiet",
            "--no-verify",
            "-m",
            "the work tree",
        ]))?;
    }
    run_quietly(git(&origin).args(["tag", "--force", &format!("v{version}")]))?;
    Ok(origin)
}

/// Builds and runs a scratch crate: the git dependency is fetched from the `file://` clone, the
/// registry's crates at the versions of the workspace's lockfile (already fetched), then the
/// build runs offline.
fn cargo_run(dir: &Path, root: &Path, target: &Path, args: &[&str]) -> Result<String, Failure> {
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    run_quietly(
        Command::new(env!("CARGO"))
            .args(["fetch", "--quiet"])
            .current_dir(dir),
    )?;
    output_of(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--offline", "--target-dir"])
            .arg(target)
            .arg("--")
            .args(args)
            .current_dir(dir),
    )
}

fn expect(recipe: &str, got: &str, expected: &str) -> Result<(), Failure> {
    if got == expected {
        return Ok(());
    }
    Err(Failure::Other(format!(
        "the README's recipe `{recipe}` printed\n{got}\ninstead of\n{expected}"
    )))
}

/// `CODE TITLE` of the JSON's first code.
fn first_code(table: &Value) -> (u64, &str, &str) {
    let first = &table["codes"][0];
    (
        first["code"].as_u64().unwrap_or_default(),
        first["name"].as_str().unwrap_or_default(),
        first["title"].as_str().unwrap_or_default(),
    )
}

fn rust(
    recipe: &Recipe,
    root: &Path,
    work: &Path,
    target: &Path,
    table: &Value,
) -> Result<(), Failure> {
    let dir = fresh(work, "rust-app")?;
    recipe.write_into(&dir, "my-app")?;
    let (code, _, title) = first_code(table);
    let count = table["codes"].as_array().map_or(0, Vec::len);
    let got = cargo_run(&dir, root, target, &[&code.to_string()])?;
    expect(
        recipe.name,
        &got,
        &format!("{code} {title}\n{count} codes\n"),
    )
}

fn build_script(
    recipe: &Recipe,
    root: &Path,
    work: &Path,
    target: &Path,
    table: &Value,
) -> Result<(), Failure> {
    let dir = fresh(work, "build-app")?;
    recipe.write_into(&dir, "my-app")?;
    // The recipe's table: this repository's sheets, under the names the recipe reads.
    fs::create_dir_all(dir.join("table"))?;
    fs::copy(root.join("codes.csv"), dir.join("table/events.csv"))?;
    for sheet in ["kinds.csv", "groups.csv", "reserved.csv"] {
        if root.join(sheet).is_file() {
            fs::copy(root.join(sheet), dir.join("table").join(sheet))?;
        }
    }
    let got = cargo_run(&dir, root, target, &[])?;
    let expected: String = (table["codes"].as_array().into_iter().flatten())
        .map(|c| {
            format!(
                "{} {}\n",
                c["code"],
                c["title"].as_str().unwrap_or_default()
            )
        })
        .collect();
    expect(recipe.name, &got, &expected)
}

/// `npm install ARG…`, the command of the recipe's shell block, run offline.
fn npm_install(recipe: &Recipe, dir: &Path) -> Result<(), Failure> {
    let script = recipe.file("shell")?;
    let args: Vec<&str> = (script.lines())
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .find_map(|l| l.strip_prefix("npm install "))
        .map(|rest| rest.split_whitespace().collect())
        .ok_or_else(|| {
            Failure::Other(format!("recipe `{}`: no `npm install` line", recipe.name))
        })?;
    run_quietly(
        Command::new("npm")
            .args([
                "install",
                "--offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
            ])
            .args(args)
            .current_dir(dir),
    )
}

fn npm(recipe: &Recipe, work: &Path, table: &Value) -> Result<(), Failure> {
    let dir = fresh(work, "npm-app")?;
    fs::write(
        dir.join("package.json"),
        "{ \"name\": \"my-app\", \"private\": true, \"type\": \"module\" }\n",
    )?;
    npm_install(recipe, &dir)?;
    fs::write(dir.join("main.mjs"), recipe.file("main.mjs")?)?;
    let got = output_of(Command::new("node").arg("main.mjs").current_dir(&dir))?;
    let (code, name, title) = first_code(table);
    let version = table["version"].as_str().unwrap_or_default();
    expect(
        recipe.name,
        &got,
        &format!("{version} {code} {name} {title}\n"),
    )
}

fn json(
    recipe: &Recipe,
    root: &Path,
    work: &Path,
    dist: &Path,
    table: &Value,
    version: &str,
) -> Result<(), Failure> {
    let dir = fresh(work, "json-reader")?;
    fs::write(
        dir.join("package.json"),
        "{ \"name\": \"my-reader\", \"private\": true, \"type\": \"module\" }\n",
    )?;
    for file in ["log-codes.json", "log-codes.schema.json"] {
        fs::copy(dist.join(file), dir.join(file))?;
    }
    // The ajv the tooling pins: from npm's cache when `npm ci` of ts-checks put it there, else
    // from the registry (the recipe's own `npm install ajv`).
    let tooling: Value = serde_json::from_slice(&fs::read(
        root.join(crate::checks::steps::TS_CHECKS)
            .join("package.json"),
    )?)
    .map_err(|e| Failure::Other(e.to_string()))?;
    let ajv = tooling["devDependencies"]["ajv"].as_str().unwrap_or("8");
    run_quietly(
        Command::new("npm")
            .args([
                "install",
                "--prefer-offline",
                "--no-audit",
                "--no-fund",
                "--no-package-lock",
            ])
            .arg(format!("ajv@{ajv}"))
            .current_dir(&dir),
    )?;
    fs::write(dir.join("validate.mjs"), recipe.file("validate.mjs")?)?;
    let got = output_of(Command::new("node").arg("validate.mjs").current_dir(&dir))?;
    let count = table["codes"].as_array().map_or(0, Vec::len);
    let id = format!("urn:log-codes:log-codes.schema.json:{version}");
    expect(recipe.name, &got, &format!("{id} {version} {count}\n"))
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn a_recipe_file_is_the_fenced_block_after_its_marker() {
        let readme = "text\n<!-- recipe: demo Cargo.toml -->\n```toml\n[dependencies]\nx = 1\n```\n\n\
                      <!-- recipe: demo src/main.rs -->\nnot a fence\n```rust\n```\n\
                      <!-- recipe: other main.mjs -->\n```js\nconsole.log(1);\n```\n";
        assert_eq!(
            read(readme),
            [
                ("demo", "Cargo.toml", "[dependencies]\nx = 1\n"),
                ("other", "main.mjs", "console.log(1);\n"),
            ]
            .map(|(r, f, t)| (r.to_owned(), f.to_owned(), t.to_owned()))
        );
    }

    /// The release step needs each of these; a README edit that drops one fails here first.
    #[test]
    fn the_readme_has_every_recipe_the_release_step_runs() {
        let readme = std::fs::read_to_string(crate::workspace_root().join("README.md")).unwrap();
        let found: Vec<(String, String)> = (read(&readme).into_iter())
            .map(|(recipe, file, _)| (recipe, file))
            .collect();
        for wanted in [
            ("rust", "Cargo.toml"),
            ("rust", "src/main.rs"),
            ("build-script", "Cargo.toml"),
            ("build-script", "build.rs"),
            ("build-script", "src/main.rs"),
            ("npm", "shell"),
            ("npm", "main.mjs"),
            ("json", "validate.mjs"),
        ] {
            let wanted = (wanted.0.to_owned(), wanted.1.to_owned());
            assert!(found.contains(&wanted), "{wanted:?} in {found:?}");
        }
    }
}
