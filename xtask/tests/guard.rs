//! The stability guard end to end, in a scratch git repository: `gen --check --base REV` refuses
//! a breaking change unless the workspace version was bumped for it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use log_codes_codegen::compat::Level;
use xtask::{Failure, Mode, Options, generate};

const TABLE: &str = "\
code,name,title,description,kind,group,deprecated
2001,SuccessfulLogin,Successful Login,User logged in successfully,success,login,
4000,FailedLogin,Failed Login,User failed to login,failure,login,
";
/// The kinds and groups of [`TABLE`] and of its edits.
const KINDS: &str = "kind,title\nfailure,Failure\nsuccess,Success\n";
const GROUPS: &str = "group,title\nlogin,Login\n";

struct Repo {
    root: PathBuf,
}

impl Repo {
    fn new(name: &str) -> Repo {
        let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("xtask-guard-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).unwrap();
        let repo = Repo { root };
        repo.git(&["init", "--quiet"]);
        repo.write(TABLE, "0.1.0");
        repo.commit("v0.1.0");
        repo.git(&["tag", "v0.1.0"]);
        repo
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args([
                "-c",
                "user.name=test",
                "-c",
                "user.email=test@example.invalid",
            ])
            .args(args)
            .output()
            .unwrap();
        // Output only when it fails: `git tag --force` says "Updated tag" on success.
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }

    fn write(&self, table: &str, version: &str) {
        fs::write(self.root.join("codes.csv"), table).unwrap();
        fs::write(self.root.join("kinds.csv"), KINDS).unwrap();
        fs::write(self.root.join("groups.csv"), GROUPS).unwrap();
        fs::write(
            self.root.join("Cargo.toml"),
            format!("[workspace.package]\nversion = \"{version}\"\n"),
        )
        .unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }

    /// `cargo xtask gen --base v0.1.0` on the working tree.
    fn guard(&self) -> Result<Vec<(Level, String)>, Failure> {
        let options = Options {
            root: self.root.clone(),
            input: self.root.join("codes.csv"),
            out_dir: self.root.join("out"),
            mode: Mode::Write,
            base: Some("v0.1.0".to_owned()),
            require_complete: Vec::new(),
        };
        let summary = generate(&options)?;
        Ok(summary
            .verdict
            .expect("a base was given")
            .changes
            .into_iter()
            .map(|c| (c.level, c.message))
            .collect())
    }

    fn path(&self) -> &Path {
        &self.root
    }
}

fn refused(result: Result<Vec<(Level, String)>, Failure>) -> String {
    match result {
        Err(Failure::Incompatible(verdict)) => verdict.refusal.expect("a refused verdict"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn deleting_a_row_is_refused_until_the_version_is_bumped() {
    let repo = Repo::new("delete");
    let without = TABLE.replace(
        "4000,FailedLogin,Failed Login,User failed to login,failure,login,\n",
        "",
    );
    repo.write(&without, "0.1.1");
    let message = refused(repo.guard());
    assert!(
        message.contains(
            "code 4000 `FailedLogin` was removed; keep it and fill its `deprecated` cell instead"
        ),
        "{message}"
    );
    assert!(message.contains("set `version = \"0.2.0\"`"), "{message}");
    assert!(
        !repo.path().join("out").exists(),
        "a refused run writes nothing"
    );
    repo.write(&without, "0.2.0");
    let levels: Vec<Level> = repo.guard().unwrap().into_iter().map(|(l, _)| l).collect();
    assert_eq!(
        levels,
        [Level::Major],
        "the code went; its kind `failure` is still declared"
    );
}

/// A base revision from before the declaration sheets is still compared: its words are
/// declared by their use, titled as a new declaration would be.
#[test]
fn a_base_without_declaration_sheets_is_compared() {
    let repo = Repo::new("legacy");
    repo.git(&["rm", "--quiet", "kinds.csv", "groups.csv"]);
    repo.commit("before the declaration sheets");
    repo.git(&["tag", "--force", "v0.1.0"]);
    repo.write(TABLE, "0.1.0");
    assert_eq!(repo.guard().unwrap(), []);
}

#[test]
fn renaming_a_code_is_refused() {
    let repo = Repo::new("rename");
    repo.write(&TABLE.replace("SuccessfulLogin", "LoginSucceeded"), "0.1.0");
    let message = refused(repo.guard());
    assert!(
        message.contains("code 2001 renamed from `SuccessfulLogin` to `LoginSucceeded`"),
        "{message}"
    );
}

#[test]
fn reusing_a_number_is_refused() {
    let repo = Repo::new("reuse");
    let reused = TABLE.replace("2001,SuccessfulLogin,", "2002,SuccessfulLogin,")
        + "2001,SessionStarted,Session Started,,success,login,\n";
    repo.write(&reused, "0.1.3");
    let message = refused(repo.guard());
    assert!(
        message.contains("number 2001 reused for `SessionStarted`"),
        "{message}"
    );
}

#[test]
fn adding_a_code_and_fixing_a_typo_pass_as_minor_and_patch() {
    let repo = Repo::new("additive");
    let edited = TABLE.replace("User failed to login", "User failed to log in")
        + "4001,FailedLoginInvalidUser,Failed Login (Invalid User),User not found,failure,login,\n";
    repo.write(&edited, "0.1.0");
    let changes = repo.guard().unwrap();
    assert_eq!(
        changes,
        [
            (
                Level::Patch,
                "code 4000 `FailedLogin`: description changed".to_owned()
            ),
            (
                Level::Minor,
                "new code 4001 `FailedLoginInvalidUser`: Failed Login (Invalid User)".to_owned()
            ),
        ]
    );
}

#[test]
fn a_revision_without_the_table_has_nothing_to_compare() {
    let repo = Repo::new("empty-base");
    repo.git(&["rm", "--quiet", "codes.csv"]);
    repo.commit("no table");
    repo.git(&["tag", "--force", "v0.1.0"]);
    repo.write(TABLE, "0.1.0");
    let options = Options {
        root: repo.root.clone(),
        input: repo.root.join("codes.csv"),
        out_dir: repo.root.join("out"),
        mode: Mode::Write,
        base: Some("v0.1.0".to_owned()),
        require_complete: Vec::new(),
    };
    assert_eq!(generate(&options).unwrap().verdict, None);
    let bad = Options {
        base: Some("no-such-rev".to_owned()),
        ..options
    };
    assert!(matches!(generate(&bad), Err(Failure::Other(m)) if m.contains("not a revision")));
}
