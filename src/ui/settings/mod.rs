//! Settings: the first run (name the organisation or join one) and the
//! device's settings page (language, theme, storage, demo data).

pub mod page;
pub mod setup;
pub mod time_zone;
