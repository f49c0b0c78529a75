//! The module generated from this crate's own table has the API of `log-codes`, and agrees with
//! the JSON generated beside it.

use log_codes_build_consumer::events::{AnyLogCode, Group, Kind, Locale, LogCode};

const JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/log-codes.json"));

fn table() -> serde_json::Value {
    serde_json::from_str(JSON).unwrap()
}

#[test]
fn lookups_by_number_and_name() {
    assert_eq!(LogCode::from_code(10), Some(LogCode::UserInvited));
    assert_eq!(
        "ReportExported".parse::<LogCode>(),
        Ok(LogCode::ReportExported)
    );
    assert_eq!(u16::from(LogCode::UserJoined), 11);
    assert!(LogCode::InviteTimedOut.is_failure());
    assert_eq!(LogCode::ReportExported.group(), Group::Export);
    assert_eq!(LogCode::UserInvited.kind(), Kind::Success);
    #[allow(deprecated)]
    let expired = LogCode::InviteExpired;
    assert_eq!(expired.deprecation(), Some("use 21 instead"));
    let unknown = AnyLogCode::new(12);
    assert_eq!((unknown.get(), unknown.known()), (12, None));
}

#[test]
fn display_titles_and_translations() {
    assert_eq!(Group::Export.title(), "Data Export");
    assert_eq!(Group::Export.name(), "export");
    assert_eq!(Group::Export.title_in(Locale::De), "Datenexport");
    assert_eq!(Kind::Failure.title_in(Locale::De), "Fehlschlag");
    assert_eq!(Locale::lookup("de-AT"), Locale::De);
    assert_eq!(
        LogCode::UserJoined.title_in(Locale::De),
        "Benutzer beigetreten"
    );
    assert_eq!(LogCode::UserJoined.description_in(Locale::De), None);
}

#[test]
fn every_code_agrees_with_the_json() {
    let table = table();
    let rows = table["codes"].as_array().unwrap();
    assert_eq!(rows.len(), LogCode::ALL.len());
    for (row, code) in rows.iter().zip(LogCode::ALL) {
        assert_eq!(row["code"], code.code());
        assert_eq!(row["name"], code.name());
        assert_eq!(row["title"], code.title());
        assert_eq!(row["kind"], code.kind().name());
        assert_eq!(row["group"], code.group().name());
    }
    let groups: Vec<&str> = Group::ALL.iter().map(|g| g.title()).collect();
    let from_json: Vec<&str> = (table["groupInfo"].as_array().unwrap().iter())
        .map(|g| g["title"].as_str().unwrap())
        .collect();
    assert_eq!(groups, from_json);
    assert_eq!(table["version"], env!("CARGO_PKG_VERSION"));
}

#[cfg(feature = "serde")]
#[test]
fn records_read_with_serde() {
    #[derive(serde::Deserialize)]
    struct Record {
        code: AnyLogCode,
        group: Group,
    }
    let record: Record = serde_json::from_str(r#"{"code": 30, "group": "export"}"#).unwrap();
    assert_eq!(record.code, LogCode::ReportExported);
    assert_eq!(record.group, Group::Export);
}
