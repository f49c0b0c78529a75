//! The enum a user would write instead of the generated crate: strum derives carrying each code's
//! title, description, kind, group and translations, discriminant = code (and serde_repr derives
//! with `serde`). One renderer for both of its uses: the lookups benchmark (`crates/bench`'s build
//! script `#[path]`s this file) and the build benchmark (`cargo xtask bench build`, likewise).

use std::fmt::Write as _;

use log_codes_codegen::Table;

/// `pub enum NAME { … }` for `table`, with its derives.
pub fn strum_enum(table: &Table, name: &str, serde: bool) -> String {
    let mut out = String::from(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::FromRepr, strum::EnumString, strum::IntoStaticStr, strum::EnumMessage, strum::EnumProperty, strum::EnumIter, strum::EnumCount)]\n",
    );
    if serde {
        out.push_str("#[derive(serde_repr::Serialize_repr, serde_repr::Deserialize_repr)]\n");
    }
    let _ = writeln!(out, "#[repr(u16)]\n#[non_exhaustive]\npub enum {name} {{");
    for code in &table.codes {
        let mut translations = String::new();
        for (tag, translation) in &code.translations {
            let key = log_codes_codegen::testing::naming::constant_suffix(tag).to_lowercase();
            let _ = write!(translations, ", title_{key} = {:?}", translation.title);
            if let Some(description) = &translation.description {
                let _ = write!(translations, ", description_{key} = {description:?}");
            }
        }
        let _ = writeln!(
            out,
            "    #[strum(message = {:?}, detailed_message = {:?}, props(kind = {:?}, group = {:?}{translations}))]\n    {} = {},",
            code.title,
            code.description.as_deref().unwrap_or_default(),
            code.kind,
            code.group,
            code.name,
            code.code
        );
    }
    out.push_str("}\n");
    out
}
