pub mod act;
pub mod device;
pub mod records;
mod rules;
pub mod time_zone;
pub use records::*;
pub use rules::*;
