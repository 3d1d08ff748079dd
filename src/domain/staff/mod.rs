mod rules;
pub use rules::*;
