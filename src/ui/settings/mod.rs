//! Settings: the first run (name the organisation or join one), the
//! device's settings page (language, theme, its name, storage, demo data)
//! and the rules handbook it links to.

pub mod handbook;
pub mod page;
pub mod setup;
pub mod storage;
pub mod time_zone;
