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

    #[test]
    fn lookups_from_a_dependent_crate() {
        assert_eq!(LogCode::from_code(4041), Some(LogCode::BlockedIpAddress));
        assert_eq!(
            "SuccessfulLogin".parse::<LogCode>(),
            Ok(LogCode::SuccessfulLogin)
        );
        assert!(LogCode::ALL.len() >= 38, "codes are never removed");
        assert_eq!(LogCode::ALL[0].code(), 100);
        assert_eq!(LogCode::BlockedIpAddress.kind(), Kind::Failure);
        assert_eq!(LogCode::BlockedIpAddress.group().name(), "blocking");
        assert!(LogCode::ALL
            .iter()
            .any(|c| c.group() == Group::DirectorySync));
        assert!(is_login(LogCode::SuccessfulLogin));
    }

    #[test]
    fn unknown_codes_are_kept() {
        assert_eq!(describe(2001), Some("Successful Login"));
        assert_eq!(describe(4999), None);
        let newer = AnyLogCode::from(4999);
        assert_eq!(u16::from(newer), 4999);
        assert_eq!(newer.known(), None);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn records_round_trip_through_serde_json() {
        use serde::{Deserialize, Serialize};
        use std::{string::String, vec::Vec};

        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        struct Record<'a> {
            code: AnyLogCode,
            #[serde(borrow)]
            kind: log_codes::AnyKind<'a>,
            message: String,
        }

        let json = r#"[{"code":2001,"kind":"success","message":"hi"},{"code":4999,"kind":"audit","message":"new"}]"#;
        let records: Vec<Record> = serde_json::from_str(json).unwrap();
        assert_eq!(records[0].code, LogCode::SuccessfulLogin);
        assert_eq!(records[0].kind.known(), Some(Kind::Success));
        assert_eq!(records[1].code.get(), 4999);
        assert_eq!(records[1].kind.as_str(), "audit");
        assert_eq!(serde_json::to_string(&records).unwrap(), json);

        let code: LogCode = serde_json::from_str("4041").unwrap();
        assert_eq!(code, LogCode::BlockedIpAddress);
        assert_eq!(
            serde_json::to_string(&LogCode::ALL[..2]).unwrap(),
            "[100,101]"
        );
        assert!(serde_json::from_str::<LogCode>("4999").is_err());
        assert!(serde_json::from_str::<AnyLogCode>("70000").is_err());
        assert_eq!(
            serde_json::to_string(&Kind::Failure).unwrap(),
            r#""failure""#
        );
        assert_eq!(
            serde_json::from_str::<Group>(r#""mfa""#).unwrap(),
            Group::Mfa
        );
        assert!(serde_json::from_str::<Group>(r#""nope""#).is_err());
        assert_eq!(serde_json::to_string(&Locale::Tr).unwrap(), r#""tr""#);
        assert_eq!(
            serde_json::from_str::<Locale>(r#""TR""#).unwrap(),
            Locale::Tr
        );
        assert!(serde_json::from_str::<Locale>(r#""xx""#).is_err());
    }

    /// A dashboard's use: the title in the user's language, English where it is not
    /// translated, and a matching wildcard on the non-exhaustive `Locale`.
    #[test]
    fn titles_in_the_users_language() {
        let locale = Locale::lookup("tr-TR");
        assert_eq!(locale, Locale::Tr);
        let title = LogCode::BlockedIpAddress.title_in(locale);
        assert_ne!(title, LogCode::BlockedIpAddress.title());
        assert_eq!(
            LogCode::BlockedIpAddress.translated_title(locale),
            Some(title)
        );
        // A consumer's own table of its locales needs a fallback arm: more may come.
        let date_format = match locale {
            Locale::En => "MM/DD/YYYY",
            Locale::Tr => "DD.MM.YYYY",
            _ => "YYYY-MM-DD",
        };
        assert_eq!(date_format, "DD.MM.YYYY");
        const TITLE: &str = LogCode::SuccessfulLogin.title_in(Locale::En);
        assert_eq!(TITLE, "Successful Login");
    }
}
