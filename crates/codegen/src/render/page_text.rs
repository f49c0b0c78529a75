//! The words of the docs page around the table, by locale: its title, introduction, column names,
//! group headings and notes. The table's own text comes from `codes.csv`; this is the page's
//! chrome, written once per language here. A locale without an entry gets the English chrome,
//! with a note saying so.

/// The chrome of one page.
#[derive(Debug)]
pub struct PageText {
    /// The locale's tag.
    pub tag: &'static str,
    /// The language's name in itself, for the language links.
    pub language: &'static str,
    /// The page title.
    pub title: &'static str,
    /// The first paragraph; `{version}` is replaced by the package version.
    pub intro: &'static str,
    /// The column names: code, title, description.
    pub columns: [&'static str; 3],
    /// The line above a section's deprecated codes.
    pub deprecated: &'static str,
    /// The mark after English text shown in place of a missing translation.
    pub untranslated: &'static str,
    /// The note at the top of a page with untranslated text; `{count}` is replaced by the number
    /// of texts shown in English and `{mark}` by [`PageText::untranslated`].
    pub incomplete: &'static str,
    /// The heading of each group word; a group missing here gets its English heading.
    pub groups: &'static [(&'static str, &'static str)],
}

/// English: the page every other one translates.
pub const ENGLISH: PageText = PageText {
    tag: "en",
    language: "English",
    title: "Log Event Types",
    intro: "Tenant log codes (version {version}) are listed in the tables below, one per group.",
    columns: ["Code", "Title", "Description"],
    deprecated: "Deprecated:",
    untranslated: "(English)",
    incomplete: "The translation of this page is not finished: {count} texts are shown in \
                 English, marked {mark}.",
    groups: &[],
};

/// Turkish; the terms follow the glossary in the README.
pub const TURKISH: PageText = PageText {
    tag: "tr",
    language: "Türkçe",
    title: "Günlük Olay Türleri",
    intro: "Kiracı günlük kodları (sürüm {version}) aşağıdaki tablolarda, her grup için bir tablo \
            olarak listelenmiştir.",
    columns: ["Kod", "Başlık", "Açıklama"],
    deprecated: "Kullanımdan kaldırılanlar:",
    untranslated: "(İngilizce)",
    incomplete: "Bu sayfanın Türkçe çevirisi henüz tamamlanmadı: çevirisi olmayan {count} metin \
                 İngilizce gösteriliyor ve {mark} ile işaretlendi.",
    groups: &[
        ("account", "Hesap"),
        ("api", "API"),
        ("blocking", "Engelleme"),
        ("credential", "Kimlik bilgisi"),
        ("directory_sync", "Dizin eşitleme"),
        ("email", "E-posta"),
        ("email_verification", "E-posta doğrulaması"),
        ("hook", "Kanca"),
        ("login", "Oturum açma"),
        ("logout", "Oturum kapatma"),
        ("mfa", "MFA"),
        ("password_reset", "Parola sıfırlama"),
        ("push", "Anlık bildirim"),
        ("signup", "Kaydolma"),
        ("sms", "SMS"),
        ("token", "Belirteç"),
    ],
};

const ALL: &[PageText] = &[ENGLISH, TURKISH];

/// Every locale's page text, English first.
pub fn all() -> &'static [PageText] {
    ALL
}

/// The chrome of `tag`'s page (English included), if it has its own.
pub fn for_locale(tag: &str) -> Option<&'static PageText> {
    ALL.iter().find(|text| text.tag == tag)
}

impl PageText {
    /// The heading of a group's section, if this page has one of its own.
    pub fn group(&self, group: &str) -> Option<&'static str> {
        self.groups
            .iter()
            .find(|(word, _)| *word == group)
            .map(|(_, heading)| *heading)
    }
}
