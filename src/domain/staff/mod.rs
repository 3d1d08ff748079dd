mod rules;
pub mod time_zone;
pub use rules::*;
