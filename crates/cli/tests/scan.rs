//! The line scanner against `serde_json`, its oracle: the same verdict on every line, valid,
//! invalid, truncated or hostile.

use log_codes_cli::scan::{Field, Line, scan};
use proptest::prelude::*;
use serde_json::Value;

/// What `serde_json` makes of the line: the definition `scan` must match.
fn oracle(line: &[u8], field: &str) -> Line {
    let Ok(value) = serde_json::from_slice::<Value>(line) else {
        return Line::Malformed;
    };
    if !value.is_object() {
        return Line::Malformed;
    }
    let mut at = &value;
    for part in field.split('.') {
        match at.as_object().and_then(|object| object.get(part)) {
            Some(inner) => at = inner,
            None => return Line::MissingField,
        }
    }
    match at {
        Value::Number(n) => match n.as_u64().and_then(|n| u16::try_from(n).ok()) {
            Some(code) => Line::Code(code),
            None => Line::NotACode,
        },
        Value::String(s) if (1..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse::<u16>().map_or(Line::NotACode, Line::Code)
        }
        _ => Line::NotACode,
    }
}

fn agree(line: &[u8], field: &str) {
    let parsed = Field::parse(field).unwrap();
    assert_eq!(
        scan(line, &parsed),
        oracle(line, field),
        "{:?} at {field}",
        String::from_utf8_lossy(line)
    );
}

#[test]
fn chosen_lines_agree_with_serde_json() {
    let lines: &[&str] = &[
        r#"{"type":2001}"#,
        r#" {"type" : "4041" } "#,
        r#"{"type":-0}"#,
        r#"{"type":0}"#,
        r#"{"type":65535}"#,
        r#"{"type":65536}"#,
        r#"{"type":2001.0}"#,
        r#"{"type":2e3}"#,
        r#"{"type":1e400}"#,
        r#"{"x":1e400,"type":1}"#,
        r#"{"x":-1e-400,"type":1}"#,
        r#"{"type":"02001"}"#,
        r#"{"type":"000001"}"#,
        r#"{"type":"+1"}"#,
        r#"{"type":"\u0032\u0030\u0030\u0031"}"#,
        r#"{"t\u0079pe":7}"#,
        r#"{"type":1,"type":"x"}"#,
        r#"{"type":"x","type":5}"#,
        r#"{"data":{"type":1},"type":2}"#,
        r#"{"type":{"type":1}}"#,
        r#"{"type":"\ud83d\ude00"}"#,
        r#"{"type":"\ud83d"}"#,
        r#"{"type":"\ude00"}"#,
        r#"{"type":"\ud83d\u0041"}"#,
        r#"{"type":"bad \x"}"#,
        r#"{"type":01}"#,
        r#"{"type":1.}"#,
        r#"{"type":.5}"#,
        r#"{"type":-}"#,
        r#"{"type":tru}"#,
        r#"{"type":true}"#,
        r#"{"type":null}"#,
        r#"{"type":[2001]}"#,
        r#"{"type":2001,}"#,
        r#"{"type":2001}{}"#,
        r#"{"type":2001} x"#,
        "{\"type\":\"tab\there\"}",
        r#"[{"type":2001}]"#,
        r#"2001"#,
        "",
        "   ",
        r#"{}"#,
        r#"{"a":[1,2,{"b":[]}],"type":3}"#,
        r#"{"a":[1,,2],"type":3}"#,
        r#"{"type":3"#,
        r#"{"type":"3"#,
    ];
    for line in lines {
        agree(line.as_bytes(), "type");
        agree(line.as_bytes(), "data.type");
        agree(line.as_bytes(), "type.type");
    }
    agree(b"{\"type\":\"\xff\"}", "type");
    agree(b"{\"type\":\"\xc3\xa9\"}", "type");
}

#[test]
fn nesting_to_the_depth_serde_json_allows_and_one_more() {
    for depth in [126, 127, 128, 129, 130] {
        let line = format!(
            "{{\"type\":1,\"x\":{}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        agree(line.as_bytes(), "type");
        let objects = format!("{}1{}", "{\"type\":".repeat(depth), "}".repeat(depth));
        agree(objects.as_bytes(), "type");
    }
}

/// JSON-ish text: valid objects from a small grammar, with the tokens that trip scanners.
fn value(depth: u32) -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        (0u32..70_000).prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "-0",
            "-1",
            "0.5",
            "1e3",
            "2E-2",
            "1e999",
            "-1.5e+7",
            "true",
            "false",
            "null",
            "\"\"",
            "\"2001\"",
            "\"65536\"",
            "\"00042\"",
            "\"\\u0034\\u0030\\u0034\\u0031\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\\"\"",
            "\"a\\\\b\"",
            "\"é\"",
            "\"\\/\"",
        ])
        .prop_map(str::to_owned),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let key = prop::sample::select(vec!["type", "data", "t\\u0079pe", "x", "Type", ""]);
    prop_oneof![
        3 => leaf,
        1 => prop::collection::vec(value(depth - 1), 0..4).prop_map(|items| format!("[{}]", items.join(","))),
        2 => prop::collection::vec((key, value(depth - 1)), 0..5).prop_map(|members| {
            let members: Vec<String> = members.into_iter().map(|(k, v)| format!("\"{k}\":{v}")).collect();
            format!("{{{}}}", members.join(","))
        }),
    ]
    .boxed()
}

fn object() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec!["type", "data", "t\\u0079pe", "x"]);
    (
        prop::collection::vec((key, value(3)), 0..6),
        prop::sample::select(vec!["", " ", "\t", "\r"]),
    )
        .prop_map(|(members, space)| {
            let members: Vec<String> = members
                .into_iter()
                .map(|(k, v)| format!("{space}\"{k}\"{space}:{space}{v}"))
                .collect();
            format!("{space}{{{}}}{space}", members.join(","))
        })
}

/// A line changed as files get damaged: cut, a byte inserted or replaced.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let bytes = prop::sample::select(b"{}[]\",:\\ 0123456789.-+eEtrufanl\x00\x1f\xc3\xff".to_vec());
    (object(), any::<prop::sample::Index>(), bytes, 0u8..3).prop_map(|(line, at, byte, how)| {
        let mut line = line.into_bytes();
        let i = at.index(line.len() + 1);
        match how {
            0 => line.truncate(i),
            1 => line.insert(i, byte),
            _ if i < line.len() => line[i] = byte,
            _ => line.push(byte),
        }
        line
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn valid_objects_agree(line in object()) {
        agree(line.as_bytes(), "type");
        agree(line.as_bytes(), "data.type");
    }

    #[test]
    fn damaged_lines_agree(line in damaged()) {
        agree(&line, "type");
        agree(&line, "data.type");
    }

    #[test]
    fn any_bytes_agree(line in prop::collection::vec(any::<u8>(), 0..64)) {
        agree(&line, "type");
    }
}
