//! The generator's internals, for this project's own tests, benchmarks and xtask: not part of
//! the API, and no promise of stability.

pub use crate::pipeline::{parse, parse_with};
pub use crate::validate::Options;

/// Character classes.
pub mod chars {
    pub use crate::chars::*;
}

/// Diagnostics and their rendering.
pub mod diagnostic {
    pub use crate::diagnostic::*;
}

/// Locale tags.
pub mod locale {
    pub use crate::locale::*;
}

/// Identifier rules.
pub mod naming {
    pub use crate::naming::*;
}

/// The CSV reader.
pub mod read {
    pub use crate::read::*;
}

/// The renderers.
pub mod render {
    pub use crate::render::*;
}

/// Validation.
pub mod validate {
    pub use crate::validate::*;
}
