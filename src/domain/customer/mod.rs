pub mod act;
mod files;
mod merge;
pub mod records;
mod search;
pub use files::*;
pub use merge::{find_duplicates, merge_customers};
pub use records::*;
pub use search::{SearchBuilder, SearchIndex};
