//! Character classes that several rules share: what hides or reorders text (refused in cells,
//! never printed raw), and what shows nothing on its own.

/// What a character that is not a control but hides or reorders text is: the bidirectional
/// overrides, isolates and marks (LRM, RLM, ALM), tag characters, interlinear annotations and a
/// byte order mark. Validation refuses them in cells; diagnostics never print them raw.
pub fn hidden(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => "bidirectional control character",
        '\u{E0000}'..='\u{E007F}' => "tag character",
        '\u{FFF9}'..='\u{FFFB}' => "interlinear annotation character",
        '\u{FEFF}' => "byte order mark",
        _ => return None,
    })
}

/// Characters that show nothing on their own: spaces of any width and the default-ignorable
/// format characters.
pub fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}
