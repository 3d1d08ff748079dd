mod files;
mod merge;
mod search;
pub use files::*;
pub use merge::{find_duplicates, merge_customers};
pub use search::SearchIndex;
