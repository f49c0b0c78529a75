//! Plain text as Markdown, for every place a cell's text is read as Markdown: the docs pages,
//! rustdoc comments, JSDoc blocks and the changelog. Cell text is plain text, never markup: no
//! cell becomes a link, HTML, a code block or a doc tag, wherever it is shown.

/// Plain text as Markdown that every target reads back as the same text: inline markup
/// characters are backslash-escaped, HTML-significant ones and Vue's braces become entities, and
/// a line break becomes `<br>` (a table row must stay on one line).
pub fn escape(text: &str) -> String {
    // Most cells hold none of the characters below: copied at once.
    const SPECIAL: &[u8] = b".&<>{}\n\\`*_[]|~$:#!^@";
    if !text.bytes().any(|b| SPECIAL.contains(&b)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let joins_words = previous.is_alphanumeric() && next.is_alphanumeric();
        previous = c;
        match c {
            // A dot between letters or digits escaped: `www.example.com` and `evil.com/login`
            // are not links under GFM autolinks or markdown-it's linkify.
            '.' if joins_words => out.push_str("\\."),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '\n' => out.push_str("<br>"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' | ':' | '#' | '!' | '^' | '@' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// One line of plain text as a line of a Markdown document (a doc comment, a JSDoc block):
/// [`escape`], with the line's leading spaces dropped (four would start a code block, which
/// rustdoc compiles as a doctest) and a leading list, quote or heading marker escaped.
pub fn escape_line(line: &str) -> String {
    let line = line.trim_start();
    let mut out = escape(line);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if line.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    }
    out
}

/// One line of cell text for a JSDoc block: Markdown-escaped (editors render JSDoc as Markdown
/// and HTML), so it cannot start a tag (`@` is escaped) or end the comment (`*/` is broken up
/// with an entity, which Markdown shows as `/`).
pub fn jsdoc_line(line: &str) -> String {
    escape_line(line).replace("*/", "*&#47;")
}

/// A change message as a Markdown line: the names and words it quotes in backticks (identifiers,
/// which validation allows only letters, digits and `_`) stay code spans; everything else, the
/// cells' text included, is escaped like the docs page, so no cell becomes a link, HTML or markup.
pub fn message_line(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let identifier = after.find('`').filter(|&close| close > 0).filter(|&close| {
            (after[..close].bytes()).all(|b| b.is_ascii_alphanumeric() || b == b'_')
        });
        match identifier {
            Some(close) => {
                out.push_str(&escape(&rest[..open]));
                out.push_str(&rest[open..open + close + 2]);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&escape(&rest[..=open]));
                rest = after;
            }
        }
    }
    out.push_str(&escape(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(escape_line("    indented code"), "indented code");
        assert_eq!(escape_line("- item"), "\\- item");
        assert_eq!(escape_line("+ item"), "\\+ item");
        assert_eq!(escape_line("==="), "\\===");
        assert_eq!(escape_line("12. twelve"), "12\\. twelve");
        assert_eq!(escape_line("3) three"), "3\\) three");
        assert_eq!(escape_line("2001 login"), "2001 login");
        assert_eq!(escape_line("```rust"), "\\`\\`\\`rust");
    }

    #[test]
    fn escaping_leaves_plain_text_alone() {
        assert_eq!(
            escape("Failed Login (Invalid User)"),
            "Failed Login (Invalid User)"
        );
        assert_eq!(
            escape("AD/LDAP user synchronizing failed."),
            "AD/LDAP user synchronizing failed."
        );
        assert_eq!(
            escape("a|b <i>{{x}}</i>\nc"),
            "a\\|b &lt;i&gt;&#123;&#123;x&#125;&#125;&lt;/i&gt;<br>c"
        );
    }

    #[test]
    fn jsdoc_lines_cannot_end_the_comment_or_start_a_tag() {
        assert_eq!(jsdoc_line("a */ b"), "a \\*&#47; b");
        assert_eq!(jsdoc_line("@deprecated"), "\\@deprecated");
    }

    #[test]
    fn messages_keep_identifiers_as_code_spans() {
        assert_eq!(
            message_line("renamed `OldName` to `New <b>`"),
            "renamed `OldName` to \\`New &lt;b&gt;\\`"
        );
    }
}
