//! Uses log-codes the way a dependent crate would; see the tests.
#![no_std]

use log_codes::{AnyLogCode, LogCode};

/// A consumer's own helper: the title of a code read from a log, known or not.
pub fn describe(code: u16) -> Option<&'static str> {
    AnyLogCode::new(code).title()
}

/// Matching on the non-exhaustive enum needs a wildcard arm, as it would downstream.
pub fn is_login(code: LogCode) -> bool {
    matches!(code, LogCode::SuccessfulLogin | LogCode::FailedLogin)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use log_codes::{Group, Kind, Locale};

    /// Numbers parse like names, and codes compare with numbers, as `http::StatusCode` does.
    #[test]
    fn codes_parse_from_numbers_and_compare_with_them() {
        assert_eq!("4041".parse::<LogCode>(), Ok(LogCode::BlockedIpAddress));
        assert_eq!(
            "BlockedIpAddress".parse::<LogCode>(),
            Ok(LogCode::BlockedIpAddress)
        );
        assert!(LogCode::BlockedIpAddress == 4041u16);
        assert!(4041u16 == LogCode::BlockedIpAddress);
        assert_eq!(LogCode::try_from(4041i64), Ok(LogCode::BlockedIpAddress));
        assert_eq!(LogCode::try_from(4041usize), Ok(LogCode::BlockedIpAddress));
        assert_eq!(LogCode::try_from(-1i32).unwrap_err().value(), -1);
        assert_eq!(LogCode::try_from(70_000u32).unwrap_err().value(), 70_000);
        let newer = unused();
        assert_eq!(AnyLogCode::try_from(i64::from(newer)).unwrap().get(), newer);
        assert_eq!(
            std::format!("{newer}")
                .parse::<AnyLogCode>()
                .unwrap()
                .known(),
            None
        );
        assert!(AnyLogCode::try_from(65_536u32).is_err());
        // Errors quote what they refused, up to 32 bytes, and stay `Copy`.
        let error = "NotACodeNameButAVeryLongOneIndeed"
            .parse::<LogCode>()
            .unwrap_err();
        let copy = error;
        assert_eq!(copy.input(), "NotACodeNameButAVeryLongOneIndee");
        assert!(std::format!("{error}").contains("NotACodeNameButAVeryLongOneIndee…"));
        assert!("".parse::<LogCode>().is_err() && "-1".parse::<LogCode>().is_err());
        // One shape for every `ALL`: a slice, iterated by value.
        let kinds: std::vec::Vec<Kind> = Kind::ALL.into_iter().collect();
        assert_eq!(kinds.as_slice(), &*Kind::ALL);
        assert_eq!(Group::ALL.len(), Group::ALL.iter().count());
        assert_eq!(Locale::ALL[0], Locale::En);
    }

    #[test]
    fn lookups_from_a_dependent_crate() {
        assert_eq!(LogCode::from_code(4041), Some(LogCode::BlockedIpAddress));
        assert_eq!(
            "SuccessfulLogin".parse::<LogCode>(),
            Ok(LogCode::SuccessfulLogin)
        );
        assert!(LogCode::ALL.contains(&LogCode::BlockedIpAddress));
        assert_eq!(LogCode::BlockedIpAddress.kind(), Kind::Failure);
        assert_eq!(LogCode::BlockedIpAddress.group().name(), "blocking");
        assert!(LogCode::ALL
            .iter()
            .any(|c| c.group() == Group::DirectorySync));
        assert!(is_login(LogCode::SuccessfulLogin));
    }

    /// A number this version has no code for, as a newer system may log.
    fn unused() -> u16 {
        (0..=u16::MAX)
            .find(|&n| LogCode::from_code(n).is_none())
            .unwrap()
    }

    #[test]
    fn unknown_codes_are_kept() {
        assert_eq!(describe(2001), Some(LogCode::SuccessfulLogin.title()));
        assert_eq!(describe(unused()), None);
        let newer = AnyLogCode::from(unused());
        assert_eq!(u16::from(newer), unused());
        assert_eq!(newer.known(), None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn records_round_trip_through_serde_json() {
        use serde::{Deserialize, Serialize};
        use std::{string::String, vec::Vec};

        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct Record {
            code: AnyLogCode,
            kind: log_codes::AnyKind,
            message: String,
        }

        let unused = unused();
        let json = std::format!(
            r#"[{{"code":2001,"kind":"success","message":"hi"}},{{"code":{unused},"kind":"from_the_future","message":"new"}}]"#
        );
        let records: Vec<Record> = serde_json::from_str(&json).unwrap();
        assert_eq!(records[0].code, LogCode::SuccessfulLogin);
        assert_eq!(records[0].kind.known(), Some(Kind::Success));
        assert_eq!(records[1].code.get(), unused);
        assert_eq!(records[1].kind.as_str(), "from_the_future");
        assert_eq!(serde_json::to_string(&records).unwrap(), json);

        let code: LogCode = serde_json::from_str("4041").unwrap();
        assert_eq!(code, LogCode::BlockedIpAddress);
        let pair = [LogCode::SuccessfulLogin, LogCode::BlockedIpAddress];
        assert_eq!(serde_json::to_string(&pair).unwrap(), "[2001,4041]");
        assert!(serde_json::from_str::<LogCode>(&std::format!("{unused}")).is_err());
        assert!(serde_json::from_str::<AnyLogCode>("70000").is_err());
        assert_eq!(
            serde_json::to_string(&Kind::Failure).unwrap(),
            r#""failure""#
        );
        assert_eq!(
            serde_json::from_str::<Group>(r#""mfa""#).unwrap(),
            Group::Mfa
        );
        assert!(serde_json::from_str::<Group>(r#""Not A Word""#).is_err());
        for locale in Locale::ALL {
            let tag = serde_json::to_string(&locale).unwrap();
            assert_eq!(tag, std::format!("\"{}\"", locale.tag()));
            let upper = tag.to_uppercase();
            assert_eq!(serde_json::from_str::<Locale>(&upper).unwrap(), locale);
        }
        assert!(serde_json::from_str::<Locale>(r#""not a tag""#).is_err());
    }

    /// A dashboard's use: the title in the user's language, English where it is not
    /// translated, and a matching wildcard on the non-exhaustive `Locale`.
    #[test]
    fn titles_in_the_users_language() {
        for locale in Locale::ALL {
            // The user's tag with a region finds the locale.
            let users = std::format!("{}-ZZ", locale.tag());
            assert_eq!(Locale::lookup(&users), locale);
            let code = LogCode::BlockedIpAddress;
            let title = code.title_in(locale);
            assert_eq!(title, code.translated_title(locale).unwrap_or(code.title()));
            let heading = code.group().title_in(locale);
            assert!(!heading.is_empty());
            // A consumer's own table of its locales needs a fallback arm: more may come.
            let date_format = match locale {
                Locale::En => "MM/DD/YYYY",
                _ => "YYYY-MM-DD",
            };
            assert_eq!(date_format == "MM/DD/YYYY", locale == Locale::En);
        }
        const TITLE: &str = LogCode::SuccessfulLogin.title_in(Locale::En);
        assert_eq!(TITLE, LogCode::SuccessfulLogin.title());
    }
}
