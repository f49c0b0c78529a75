//! What the raw bytes say before any cell: another format than CSV, UTF-8 that is not, text a
//! spreadsheet encoded twice. Each problem is named for what happened, with how to save again.

use crate::diagnostic::Diagnostic;

const SAVE_AS_CSV: &str = "save the sheet as \"CSV UTF-8 (Comma delimited)\" (Excel) or \"Text CSV\" \
     with character set \"Unicode (UTF-8)\" and `,` as the field delimiter (LibreOffice)";

/// A file that is another format than CSV: UTF-16 (Excel's "Unicode Text"), JSON, or
/// tab-separated text. Named for what it is, with how to save it as CSV.
pub(super) fn not_a_csv(bytes: &[u8]) -> Option<impl FnOnce(std::ops::Range<usize>) -> Diagnostic> {
    let zeros = bytes.iter().take(4096).filter(|&&b| b == 0).count();
    let sample = bytes.len().min(4096);
    let message = if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (sample > 0 && zeros * 4 >= sample)
    {
        "this file is UTF-16 text (Excel's \"Unicode Text\"), not a CSV file"
    } else {
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let first = text.iter().copied().find(|b| !b.is_ascii_whitespace());
        let header = text.split(|&b| b == b'\n').next().unwrap_or_default();
        if matches!(first, Some(b'{' | b'[')) {
            "this file is JSON, not a CSV table (a `log-codes.json` is generated from the table, never read as one)"
        } else if header.contains(&b'\t') && !header.contains(&b',') && !header.contains(&b';') {
            "this file is tab-separated text, not a CSV file"
        } else {
            return None;
        }
    };
    Some(move |span| {
        Diagnostic::error(span, message)
            .label("read as the header")
            .help(SAVE_AS_CSV)
    })
}

/// Decodes UTF-8, replacing each invalid sequence with U+FFFD, with one error per line that has
/// any: it points at the first bad byte and shows what the line says in the legacy encoding it
/// was most likely saved in.
pub(super) fn decode(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let mut first_bad: Option<(usize, u8)> = None;
        for chunk in line.utf8_chunks() {
            text.push_str(chunk.valid());
            if let Some(&byte) = chunk.invalid().first() {
                first_bad.get_or_insert((text.len(), byte));
                text.push(char::REPLACEMENT_CHARACTER);
            }
        }
        if let Some((at, byte)) = first_bad {
            let (encoding, reading) = legacy_reading(line);
            errors.push(
                Diagnostic::error(
                    at..at + char::REPLACEMENT_CHARACTER.len_utf8(),
                    format!("this line is not UTF-8 (byte 0x{byte:02X}); in {encoding} it reads `{reading}`"),
                )
                .label("not UTF-8")
                .help(
                    "the file was saved in a legacy encoding; save it again as \
                     \"CSV UTF-8 (Comma delimited)\" (Excel) or with character set \"Unicode (UTF-8)\" \
                     (LibreOffice)",
                ),
            );
        }
    }
    (text, errors)
}

/// The line decoded as Windows-1254 (Turkish) when that yields Turkish letters, else as
/// Windows-1252 (Western European), which Excel uses for "CSV (Comma delimited)" in those locales.
pub(super) fn legacy_reading(line: &[u8]) -> (&'static str, String) {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (turkish, _, _) = encoding_rs::WINDOWS_1254.decode(line);
    if turkish.chars().any(|c| "ğĞışŞİ".contains(c)) {
        return ("Windows-1254 (Turkish)", turkish.into_owned());
    }
    let (western, _, _) = encoding_rs::WINDOWS_1252.decode(line);
    ("Windows-1252 (Western European)", western.into_owned())
}

/// Text that a spreadsheet decoded twice (UTF-8 read as Windows-1252 and saved again as UTF-8:
/// `GiriÅŸ` for `Giriş`): the likely intended text, if `text` is that.
pub fn double_encoded(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let intended = std::str::from_utf8(&bytes).ok()?;
    (intended != text).then(|| intended.to_owned())
}
