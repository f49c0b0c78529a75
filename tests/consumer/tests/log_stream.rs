//! A log stream newer than the crate, read as a consumer would: NDJSON through
//! `serde_json::from_reader` into records of owned types (no lifetime), with codes, kinds and
//! groups this version does not know kept, and written back unchanged.
#![cfg(feature = "serde")]

use std::io::{BufReader, Cursor};

use log_codes::{AnyGroup, AnyKind, AnyLogCode, LogCode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Record {
    code: AnyLogCode,
    kind: AnyKind,
    group: AnyGroup,
    message: String,
}

/// A number, kind word and group word this version does not know.
fn newer() -> (u16, &'static str, &'static str) {
    let code = (0..=u16::MAX)
        .find(|&n| LogCode::from_code(n).is_none())
        .unwrap();
    (code, "warning_from_the_future", "a_group_added_later")
}

fn stream() -> String {
    let (code, kind, group) = newer();
    let known = LogCode::BlockedIpAddress;
    [
        format!(
            r#"{{"code":{},"kind":"{}","group":"{}","message":"blocked"}}"#,
            known.code(),
            known.kind(),
            known.group()
        ),
        format!(r#"{{"code":{code},"kind":"{kind}","group":"{group}","message":"newer"}}"#),
    ]
    .join("\n")
        + "\n"
}

#[test]
fn a_newer_log_stream_reads_with_from_reader_and_round_trips() {
    let (code, kind, group) = newer();
    let text = stream();
    // The whole stream from a reader: each record owns its words (`DeserializeOwned`).
    let reader = BufReader::new(Cursor::new(text.clone().into_bytes()));
    let records: Vec<Record> = serde_json::Deserializer::from_reader(reader)
        .into_iter::<Record>()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(records.len(), 2);
    // And one line at a time, with `serde_json::from_reader`.
    for (line, record) in text.lines().zip(&records) {
        let read: Record = serde_json::from_reader(line.as_bytes()).unwrap();
        assert_eq!(&read, record);
    }
    assert_eq!(records[0].code, LogCode::BlockedIpAddress);
    assert_eq!(
        records[0].kind.known(),
        Some(LogCode::BlockedIpAddress.kind())
    );
    assert_eq!(records[0].group, LogCode::BlockedIpAddress.group());
    assert_eq!(
        (records[1].code.get(), records[1].code.known()),
        (code, None)
    );
    assert_eq!(
        (records[1].kind.as_str(), records[1].kind.known()),
        (kind, None)
    );
    assert_eq!(records[1].group.to_string(), group);
    // Written back, the stream is unchanged: nothing newer was lost.
    let written: String = records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap() + "\n")
        .collect();
    assert_eq!(written, text);
    // From a `serde_json::Value` too: `DeserializeOwned`, no borrowed input needed.
    let value: serde_json::Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    let from_value: Record = serde_json::from_value(value).unwrap();
    assert_eq!(from_value, records[1]);
}

#[test]
fn a_word_longer_than_any_table_word_is_refused_not_cut() {
    let line = format!(
        r#"{{"code":1,"kind":"{}","group":"g","message":""}}"#,
        "k".repeat(33)
    );
    let error = serde_json::from_str::<Record>(&line).unwrap_err();
    assert!(error.to_string().contains("at most 32 bytes"), "{error}");
}
