//! Synthetic tables for benchmarks and scale tests.

use std::fmt::Write as _;

use crate::input::SheetTexts;
use crate::schema::{self, Column, Translated, WordColumn};

/// The kinds of the synthetic tables, with their titles in English and Turkish.
const KINDS: [(&str, &str, &str); 4] = [
    ("api", "API", "API"),
    ("success", "Success", "Başarı"),
    ("failure", "Failure", "Başarısızlık"),
    ("warning", "Warning", "Uyarı"),
];

/// The groups of the synthetic tables, with their titles in English and Turkish.
const GROUPS: [(&str, &str, &str); 10] = [
    ("login", "Login", "Oturum açma"),
    ("signup", "Signup", "Kaydolma"),
    ("mfa", "MFA", "MFA"),
    ("token", "Token", "Belirteç"),
    ("hook", "Hook", "Kanca"),
    ("email", "Email", "E-posta"),
    ("sms", "SMS", "SMS"),
    ("push", "Push", "Anlık bildirim"),
    ("directory_sync", "Directory Sync", "Dizin eşitleme"),
    ("account", "Account", "Hesap"),
];

/// A declaration sheet of `words`, with their Turkish titles when `turkish`.
fn declarations(uses: Column, words: &[(&str, &str, &str)], turkish: bool) -> String {
    let mut header = vec![
        WordColumn::Word.header(uses).to_owned(),
        WordColumn::Title.header(uses).to_owned(),
    ];
    if turkish {
        header.push(Translated::Title.translation("tr"));
    }
    let mut csv = header.join(",") + "\n";
    for (word, title, tr) in words {
        let _ = write!(csv, "{word},{title}");
        if turkish {
            let _ = write!(csv, ",{tr}");
        }
        csv.push('\n');
    }
    csv
}

/// A valid table of `rows` codes (at most 65,536: then every u16 is a code) spread over the u16
/// range, with realistic text, a few kinds and groups, two descriptions in three (with quotes and
/// commas, so cells are quoted), one deprecation in fifty, and a Turkish translation of every
/// title and of nine descriptions in ten.
pub fn synthetic_table(rows: usize) -> SheetTexts {
    assert!((1..=65_536).contains(&rows), "1 to 65,536 rows");
    let kinds = KINDS.map(|(word, ..)| word);
    let groups = GROUPS.map(|(word, ..)| word);
    let mut csv = schema::with_translations(Column::BASIC.map(Column::header), &["tr".to_owned()])
        .join(",")
        + "\n";
    let step = 65_536 / rows;
    for i in 0..rows {
        let code = i * step;
        let (description, turkish) = if i % 3 == 0 {
            (String::new(), String::new())
        } else if i % 10 == 1 {
            (format!("Event number {i} happened"), String::new())
        } else {
            (
                format!("\"Event number {i} happened for the user, with \"\"quotes\"\", commas\""),
                format!("\"Kullanıcı için {i} numaralı olay oluştu, \"\"tırnak\"\" ve virgülle\""),
            )
        };
        let deprecated = if i % 50 == 49 {
            format!("use {} instead", (i - 1) * step)
        } else {
            String::new()
        };
        let _ = writeln!(
            csv,
            "{code},SyntheticEvent{i},Synthetic Event {i},{description},{},{},{deprecated},Yapay Olay {i},{turkish}",
            kinds[i % kinds.len()],
            groups[i % groups.len()],
        );
    }
    // A small table leaves some words unused: declared only when used, so there is no warning.
    let used = rows.min(GROUPS.len());
    SheetTexts {
        codes: csv,
        kinds: declarations(Column::Kind, &KINDS[..rows.min(KINDS.len())], true),
        groups: declarations(Column::Group, &GROUPS[..used], true),
        reserved: String::new(),
    }
}

/// The header of the required columns only.
fn required_header() -> String {
    let required = Column::ALL.into_iter().filter(|c| c.required());
    required.map(Column::header).collect::<Vec<_>>().join(",") + "\n"
}

/// A table of `rows` rows that are all wrong: every other code is not a number, the others have
/// a name that is not PascalCase, so refusing it renders `rows` diagnostics.
pub fn synthetic_bad_table(rows: usize) -> SheetTexts {
    let mut csv = required_header();
    for i in 0..rows {
        if i % 2 == 0 {
            let _ = writeln!(csv, "x{i},BadCode{i},Bad Code {i},failure,login");
        } else {
            let _ = writeln!(csv, "{i},bad_name_{i},Bad Name {i},failure,login");
        }
    }
    SheetTexts {
        codes: csv,
        kinds: declarations(Column::Kind, &KINDS[2..3], false),
        groups: declarations(Column::Group, &GROUPS[..1], false),
        reserved: String::new(),
    }
}

/// `count` distinct PascalCase names built as realistic event names are (`AccessTokenFailed`,
/// `AcceptTokenFailed`): a few dozen words combined, so names share prefixes, suffixes and whole
/// chunks and differ in single letters, which is what a weak hash trips over. At most 110,592.
pub fn realistic_names(count: usize) -> Vec<String> {
    const SUBJECTS: [&str; 24] = [
        "Access",
        "Accept",
        "Account",
        "Api",
        "Auth",
        "Blocked",
        "Credential",
        "Device",
        "Email",
        "Factor",
        "Grant",
        "Hook",
        "Login",
        "Logout",
        "Mfa",
        "Password",
        "Push",
        "Refresh",
        "Session",
        "Signup",
        "Sms",
        "Token",
        "User",
        "Webhook",
    ];
    const OBJECTS: [&str; 24] = [
        "", "Code", "Token", "Link", "Key", "Role", "Ip", "Otp", "Scope", "Client", "Secret",
        "Tenant", "Factor", "Email", "Phone", "Policy", "Rule", "Grant", "Ticket", "Consent",
        "Profile", "Group", "Address", "Domain",
    ];
    const OUTCOMES: [&str; 16] = [
        "Created",
        "Deleted",
        "Failed",
        "Granted",
        "Revoked",
        "Sent",
        "Succeeded",
        "Updated",
        "Verified",
        "Expired",
        "Blocked",
        "Enrolled",
        "Removed",
        "Exchanged",
        "Rotated",
        "Started",
    ];
    const QUALIFIERS: [&str; 12] = [
        "",
        "Again",
        "ByAdmin",
        "ByUser",
        "Twice",
        "Late",
        "V2",
        "V3",
        "Early",
        "Remotely",
        "Locally",
        "Partially",
    ];
    let most = SUBJECTS.len() * OBJECTS.len() * OUTCOMES.len() * QUALIFIERS.len();
    assert!(count <= most, "at most {most} realistic names");
    let mut names = Vec::with_capacity(count);
    'all: for qualifier in QUALIFIERS {
        for outcome in OUTCOMES {
            for object in OBJECTS {
                for subject in SUBJECTS {
                    if names.len() == count {
                        break 'all;
                    }
                    names.push(format!("{subject}{object}{outcome}{qualifier}"));
                }
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    #[test]
    fn bad_tables_have_one_error_per_row() {
        let (table, report) = crate::pipeline::parse(&super::synthetic_bad_table(100).input());
        assert!(table.is_none());
        assert_eq!(report.diagnostics.len(), 100);
    }

    #[test]
    fn realistic_names_are_distinct_valid_names() {
        let names = super::realistic_names(5000);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        let csv: String = (names.iter().enumerate())
            .map(|(i, name)| format!("{i},{name},Title {i},failure,login\n"))
            .collect();
        let sheets = crate::SheetTexts::declaring(
            format!("{}{csv}", super::required_header()),
            &["failure"],
            &["login"],
        );
        let (table, report) = crate::pipeline::parse(&sheets.input());
        assert!(table.is_some(), "{}", report.summary("names"));
    }

    #[test]
    fn synthetic_tables_are_valid() {
        for rows in [1, 38, 1000] {
            let (table, report) = crate::pipeline::parse(&super::synthetic_table(rows).input());
            assert!(table.is_some(), "{}", report.summary("synthetic"));
            assert_eq!(table.unwrap().codes.len(), rows);
        }
    }
}
