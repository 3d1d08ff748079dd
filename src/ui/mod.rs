//! The browser shell: Leptos components. It holds no business rule: every
//! decision is a call into `crate::domain`, every save goes through `Ctx::save`.

mod app;
pub mod bench;
mod chart;
mod complaints;
mod connectivity;
mod contacts;
mod customer_form;
mod customer_page;
mod customers;
mod dept;
mod escalations;
mod hub;
pub mod i18n;
mod limits_text;
mod people;
mod settings_page;
mod setup;
mod signature;
pub mod state;
mod sync_page;
mod time;
mod today;
mod virtual_list;
mod visits;
mod widgets;

pub use app::App;
