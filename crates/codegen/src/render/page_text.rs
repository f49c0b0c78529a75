//! The words of the docs page around the table, by locale: its title, introduction, column names
//! and notes. The table's own text (group headings included: `groups.csv`) comes from the
//! sheets; this is the page's chrome, written once per language here. A locale without an entry
//! gets the English chrome, with a note saying so.

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
    /// The line above a section's counterparts (each failure with the success it is of).
    pub counterparts: &'static str,
    /// The line before the kinds' number ranges.
    pub ranges: &'static str,
    /// The line before the reserved numbers.
    pub reserved: &'static str,
    /// The mark after English text shown in place of a missing translation.
    pub untranslated: &'static str,
    /// The note at the top of a page with untranslated text; `{count}` is replaced by the number
    /// of texts shown in English and `{mark}` by [`PageText::untranslated`].
    pub incomplete: &'static str,
}

/// English: the page every other one translates.
pub const ENGLISH: PageText = PageText {
    tag: "en",
    language: "English",
    title: "Log Event Types",
    intro: "Tenant log codes (version {version}) are listed in the tables below, one per group.",
    columns: ["Code", "Title", "Description"],
    deprecated: "Deprecated:",
    counterparts: "Counterparts:",
    ranges: "Number ranges, which give a code this page does not list its kind:",
    reserved: "Reserved numbers, never used again:",
    untranslated: "(English)",
    incomplete: "The translation of this page is not finished: {count} texts are shown in \
                 English, marked {mark}.",
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
    counterparts: "Karşılıklar:",
    ranges: "Numara aralıkları; bu sayfada olmayan bir kodun türünü verir:",
    reserved: "Ayrılmış, bir daha kullanılmayacak numaralar:",
    untranslated: "(İngilizce)",
    incomplete: "Bu sayfanın Türkçe çevirisi henüz tamamlanmadı: çevirisi olmayan {count} metin \
                 İngilizce gösteriliyor ve {mark} ile işaretlendi.",
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
