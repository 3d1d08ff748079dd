pub mod act;
pub mod records;
mod rules;
pub use records::*;
pub use rules::*;
