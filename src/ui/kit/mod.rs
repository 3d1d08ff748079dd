//! The kit: what more than one area uses. An area's own navigation,
//! widgets and formatting, selects
//! built from domain codes, the clock, shared cards, charts, the signature
//! pad, the virtual list, the file picker and the file-import card, the
//! hub form, the customer picker (with a new customer made in place),
//! devices by name, rule links, the record an address names, and landing
//! on an address's `#fragment`.

pub mod anchor;
pub mod answer_picker;
pub mod area_nav;
pub mod cards;
pub mod chart;
pub mod customer_picker;
pub mod device;
pub mod file_picker;
pub mod hub_form;
pub mod import_card;
pub mod options;
pub mod route;
pub mod rules;
pub mod signature;
pub mod time;
pub mod virtual_list;
pub mod widgets;
