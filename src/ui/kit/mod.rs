//! The kit: what more than one area uses. Widgets and formatting, selects
//! built from domain codes, the clock, shared cards, charts, the signature
//! pad, the virtual list, the file-import card, the hub form, devices by name and rule links.

pub mod cards;
pub mod chart;
pub mod device;
pub mod hub_form;
pub mod import_card;
pub mod options;
pub mod rules;
pub mod signature;
pub mod time;
pub mod virtual_list;
pub mod widgets;
