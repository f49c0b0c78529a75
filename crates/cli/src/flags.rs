//! The command line, declared once (as the xtask's).

xflags::xflags! {
    /// Check log streams against the log-codes table.
    cmd log-codes {
        /// Check NDJSON log streams (files, `-` for standard input, `.gz` files with any number
        /// of members) against the table: unknown codes (with the kind their range gives),
        /// deprecated codes in use, active codes never seen (coverage overall and by group), and
        /// lines that are malformed, lack the field or hold something other than a code. Exit 0
        /// when every gate passes, 1 when one fails, 2 on a usage or I/O error.
        cmd check {
            /// The files to read (standard input when none).
            repeated inputs: String
            /// Where the code is: a key, or keys joined by `.` (default: `type`).
            optional --field path: String
            /// A log-codes.json of any version to check against (default: the table compiled in).
            optional --table path: String
            /// text (default), json (one document; its schema is in the repository) or github
            /// (workflow commands).
            optional --format format: String
            /// Fail (exit 1) when any of these is found: unknown, deprecated, malformed,
            /// missing-field, not-a-code (comma-separated; repeat the option for more).
            repeated --fail-on gates: String
            /// Fail when fewer than this share of the active codes were seen (0 to 1).
            optional --min-coverage ratio: f64
            /// A line longer than this many bytes is malformed (default: 1048576).
            optional --max-line-bytes bytes: usize
            /// Worker threads (default: the available cores).
            optional --threads n: usize
        }
    }
}
