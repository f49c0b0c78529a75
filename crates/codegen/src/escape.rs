//! Text from a table or a log made safe for where reports go: a terminal and a GitHub Actions
//! log. One module for both, which the xtask's reports and the `log-codes` tool share.

pub use crate::diagnostic::printable as terminal;

/// A workflow command's message: [`terminal`], then `%`, CR and LF escaped by the runner's rules,
/// so no text can end the command, start another one or reach the log as an escape sequence.
pub fn github_data(text: &str) -> String {
    terminal(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value (`file=`, `title=`): also `:` and `,`, which end it.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_ends_a_command_or_reaches_the_terminal() {
        assert_eq!(
            github_data("50%\r\n::error::x\u{1b}[2J"),
            "50%25%0D%0A::error::x\\u{1b}[2J"
        );
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(terminal("\u{202e}evil"), "\\u{202e}evil");
    }
}
