//! `cargo xtask add` and `deprecate` on a table of the test's own: the number rule, the row in
//! canonical form, the regenerated artifacts, and nothing written when the edit is refused.

use std::fs;

use crate::common::scratch;
use xtask::main_with_args;

const CODES: &str = "code,name,title,description,kind,group,deprecated,counterpart,title.tr,description.tr\n\
    2001,SuccessfulLogin,Successful Login,,success,login,,,Başarılı Giriş,\n\
    2050,SuccessfulReset,Successful Reset,,success,reset,,,Başarılı Sıfırlama,\n\
    4001,FailedLogin,Failed Login,,failure,login,,2001,Başarısız Giriş,\n";
const KINDS: &str = "kind,title,range,counterpart_of,title.tr\nfailure,Failure,4000-5999,success,Başarısızlık\nsuccess,Success,2000-3999,,Başarı\n";
const GROUPS: &str = "group,title,title.tr\nlogin,Login,Giriş\nreset,Reset,Sıfırlama\n";

fn run(args: &[&str]) -> i32 {
    main_with_args(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
}

#[test]
fn add_numbers_the_code_by_the_rule_writes_it_canonically_and_regenerates() {
    let dir = scratch("add");
    let (codes, out) = (dir.join("codes.csv"), dir.join("out"));
    fs::write(&codes, CODES).unwrap();
    fs::write(dir.join("kinds.csv"), KINDS).unwrap();
    fs::write(dir.join("groups.csv"), GROUPS).unwrap();
    let (input, out_dir) = (codes.to_str().unwrap(), out.to_str().unwrap());
    let add = |extra: &[&str]| {
        let mut args = vec![
            "add",
            "--title",
            "Failed Reset",
            "--kind",
            "failure",
            "--group",
            "reset",
        ];
        args.extend(extra);
        args.extend(["--input", input, "--out-dir", out_dir]);
        run(&args)
    };
    // `tr` is required complete by the workspace: refused, naming the option, nothing written.
    assert_eq!(add(&["--counterpart", "2050"]), 2);
    assert_eq!(fs::read_to_string(&codes).unwrap(), CODES);
    // A dry run writes nothing either.
    assert_eq!(
        add(&[
            "--counterpart",
            "2050",
            "--title.tr",
            "Başarısız Sıfırlama",
            "--dry-run"
        ]),
        0
    );
    assert_eq!(fs::read_to_string(&codes).unwrap(), CODES);
    assert!(!out.exists());
    // The same offset in the failure range as 2050 in the success range: 4050.
    assert_eq!(
        add(&["--counterpart", "2050", "--title.tr", "Başarısız Sıfırlama"]),
        0
    );
    let written = fs::read_to_string(&codes).unwrap();
    assert!(
        written.contains(
            "\n4050,FailedReset,Failed Reset,,failure,reset,,2050,Başarısız Sıfırlama,\n"
        ),
        "{written}"
    );
    assert_eq!(
        run(&["gen", "--check", "--input", input, "--out-dir", out_dir]),
        0
    );
    let json = fs::read_to_string(out.join("log-codes.json")).unwrap();
    assert!(json.contains("\"counterpart\": 2050"), "{json}");
    // Without a counterpart: above the group's highest failure.
    assert_eq!(
        add(&["--name", "FailedResetAgain", "--title.tr", "Yine"]),
        0
    );
    assert!(
        fs::read_to_string(&codes)
            .unwrap()
            .contains("\n4051,FailedResetAgain,")
    );
    // A problem is `gen`'s diagnostic, and nothing is written.
    let before = fs::read_to_string(&codes).unwrap();
    assert_eq!(
        add(&[
            "--code",
            "2999",
            "--name",
            "Misplaced",
            "--title.tr",
            "Yanlış"
        ]),
        1
    );
    assert_eq!(fs::read_to_string(&codes).unwrap(), before);
    // Deprecate marks the row and regenerates.
    assert_eq!(
        run(&[
            "deprecate",
            "4051",
            "--note",
            "use 4050",
            "--input",
            input,
            "--out-dir",
            out_dir
        ]),
        0
    );
    assert!(
        fs::read_to_string(&codes)
            .unwrap()
            .contains("\n4051,FailedResetAgain,Failed Reset,,failure,reset,use 4050,")
    );
    assert_eq!(
        run(&["gen", "--check", "--input", input, "--out-dir", out_dir]),
        0
    );
    assert_eq!(
        run(&[
            "deprecate",
            "9",
            "--note",
            "x",
            "--input",
            input,
            "--out-dir",
            out_dir
        ]),
        2
    );
}
