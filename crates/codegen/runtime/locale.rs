//! Titles and descriptions by [`Locale`], falling back to English per cell.

use core::fmt;
use core::str::FromStr;

use super::{CODE_NUMBERS, DESCRIPTION_TRANSLATIONS, LOCALE_TAGS, TITLE_TRANSLATIONS};
use super::inline::quoting_error;
use super::{Locale, LogCode};

// One array of each field per translation, each with an entry per code: the lookups below
// cannot go out of bounds.
const _: () = {
    assert!(TITLE_TRANSLATIONS.len() + 1 == LOCALE_TAGS.len());
    assert!(DESCRIPTION_TRANSLATIONS.len() + 1 == LOCALE_TAGS.len());
    let mut translation = 0;
    while translation < TITLE_TRANSLATIONS.len() {
        assert!(TITLE_TRANSLATIONS[translation].len() == CODE_NUMBERS.len());
        assert!(DESCRIPTION_TRANSLATIONS[translation].len() == CODE_NUMBERS.len());
        translation += 1;
    }
};

impl Locale {
    /// The BCP 47 tag, as in the table's column names: `"en"`, `"tr"`, `"pt-BR"`.
    #[inline]
    pub const fn tag(self) -> &'static str {
        LOCALE_TAGS[self as usize]
    }

    /// The locale with this tag, if this version has it; tags are compared ignoring ASCII case,
    /// as BCP 47 says they should be.
    ///
    /// ```
    /// # use log_codes::Locale;
    /// assert_eq!(Locale::from_tag("en"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("en-GB"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL
            .iter()
            .copied()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag))
    }

    /// The best locale for a user's language tag, by the lookup of RFC 4647: the tag itself,
    /// then with its last subtag removed, and so on (`"tr-TR"` finds `tr`, `"en-GB"` finds
    /// `en`); English when nothing matches.
    ///
    /// ```
    /// # use log_codes::Locale;
    /// assert_eq!(Locale::lookup("en-GB"), Locale::En);
    /// assert_eq!(Locale::lookup("x-unknown"), Locale::En);
    /// ```
    pub fn lookup(tag: &str) -> Locale {
        let mut tag = tag;
        loop {
            if let Some(locale) = Locale::from_tag(tag) {
                return locale;
            }
            let Some(end) = tag.rfind(['-', '_']) else {
                return Locale::En;
            };
            tag = &tag[..end];
            // A single-letter subtag left at the end (an extension's singleton) goes too.
            if let Some(start) = tag.rfind(['-', '_']) {
                if tag.len() - start == 2 {
                    tag = &tag[..start];
                }
            }
        }
    }

    /// Index into the translation tables; `None` for English, the table's own text.
    #[inline]
    pub(crate) const fn translation(self) -> Option<usize> {
        match self as usize {
            0 => None,
            n => Some(n - 1),
        }
    }
}

/// The tag.
impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

quoting_error!(
    /// A tag that is not a [`Locale`] this version has; it quotes the input (its first 32 bytes).
    UnknownLocale,
    "unknown locale tag ",
    ""
);

/// Parses the tag exactly (ignoring ASCII case), as [`Locale::from_tag`].
impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        Locale::from_tag(tag).ok_or(UnknownLocale::quoting(tag))
    }
}

impl LogCode {
    /// The title in `locale`, or the English title where it is not translated.
    #[inline]
    pub const fn title_in(self, locale: Locale) -> &'static str {
        match self.translated_title(locale) {
            Some(title) => title,
            None => self.title(),
        }
    }

    /// The description in `locale`, or the English one where it is not translated; `None` for
    /// codes the table does not describe.
    #[inline]
    pub const fn description_in(self, locale: Locale) -> Option<&'static str> {
        match self.translated_description(locale) {
            Some(description) => Some(description),
            None => self.description(),
        }
    }

    /// The title in `locale`, or `None` where it is not translated (English always is): to mark
    /// English text shown in its place.
    #[inline]
    pub const fn translated_title(self, locale: Locale) -> Option<&'static str> {
        match locale.translation() {
            None => Some(self.title()),
            Some(translation) => TITLE_TRANSLATIONS[translation][self.position()],
        }
    }

    /// The description in `locale`, or `None` where it is not translated or the code has none.
    #[inline]
    pub const fn translated_description(self, locale: Locale) -> Option<&'static str> {
        match locale.translation() {
            None => self.description(),
            Some(translation) => DESCRIPTION_TRANSLATIONS[translation][self.position()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        assert_eq!(Locale::ALL[0], Locale::En);
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
            assert_eq!(locale.tag().parse(), Ok(locale));
            assert_eq!(Locale::lookup(locale.tag()), locale);
        }
        let error = "xx".parse::<Locale>().unwrap_err();
        assert_eq!(error.input(), "xx");
    }

    #[test]
    fn lookup_drops_subtags_from_the_end() {
        assert_eq!(Locale::lookup("en-Latn-GB"), Locale::En);
        assert_eq!(Locale::lookup("EN_us"), Locale::En);
        assert_eq!(Locale::lookup("en-a-bbb"), Locale::En);
        assert_eq!(Locale::lookup(""), Locale::En);
        assert_eq!(Locale::lookup("-"), Locale::En);
        for locale in Locale::ALL {
            let regional = [locale.tag(), "-ZZ-x-private"].concat();
            assert_eq!(Locale::lookup(&regional), locale);
        }
    }

    #[test]
    fn english_is_the_table_itself_and_every_locale_falls_back_to_it() {
        for code in LogCode::ALL {
            assert_eq!(code.title_in(Locale::En), code.title());
            assert_eq!(code.translated_title(Locale::En), Some(code.title()));
            assert_eq!(code.description_in(Locale::En), code.description());
            for locale in Locale::ALL {
                let title = code.translated_title(locale).unwrap_or(code.title());
                assert_eq!(code.title_in(locale), title);
                let description = code.translated_description(locale).or(code.description());
                assert_eq!(code.description_in(locale), description);
                if code.description().is_none() {
                    assert_eq!(code.translated_description(locale), None);
                }
            }
        }
    }
}
