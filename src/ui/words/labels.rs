//! Labels of the domain's codes (roles, customer kinds, channels, contact
//! categories and statuses), in both languages: each an exhaustive match.

use crate::domain::contact::{Category, Channel, ContactStatus, Direction};
use crate::domain::customer::{CustomerKind, PreferredChannel};
use crate::domain::staff::Role;
use crate::domain::Lang;

/// A role as a label: the domain's name for it (used mid-sentence in its
/// messages), capitalised.
pub fn role_label(lang: Lang, role: Role) -> String {
    let name = role.label(lang);
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn kind_label(lang: Lang, kind: CustomerKind) -> &'static str {
    match (lang, kind) {
        (Lang::Es, CustomerKind::Member) => "Socio",
        (Lang::En, CustomerKind::Member) => "Member",
        (Lang::Es, CustomerKind::Individual) => "Particular",
        (Lang::En, CustomerKind::Individual) => "Individual",
        (Lang::Es, CustomerKind::Group) => "Empresa / grupo",
        (Lang::En, CustomerKind::Group) => "Group",
        (Lang::Es, CustomerKind::Potential) => "Potencial",
        (Lang::En, CustomerKind::Potential) => "Potential",
    }
}

pub fn preferred_label(lang: Lang, c: PreferredChannel) -> &'static str {
    match (lang, c) {
        (Lang::Es, PreferredChannel::Phone) => "Teléfono",
        (Lang::En, PreferredChannel::Phone) => "Phone",
        (Lang::Es, PreferredChannel::Email) => "Correo electrónico",
        (Lang::En, PreferredChannel::Email) => "E-mail",
        (Lang::Es, PreferredChannel::Sms) => "SMS",
        (Lang::En, PreferredChannel::Sms) => "SMS",
        (Lang::Es, PreferredChannel::Chat) => "Chat / mensajería",
        (Lang::En, PreferredChannel::Chat) => "Chat / messaging",
    }
}

pub fn channel_label(lang: Lang, c: Channel) -> &'static str {
    match (lang, c) {
        (Lang::Es, Channel::Phone) => "Teléfono",
        (Lang::En, Channel::Phone) => "Phone",
        (Lang::Es, Channel::Email) => "Correo",
        (Lang::En, Channel::Email) => "E-mail",
        (Lang::Es, Channel::Sms) => "SMS",
        (Lang::En, Channel::Sms) => "SMS",
        (Lang::Es, Channel::OnlineChat) => "Chat en línea",
        (Lang::En, Channel::OnlineChat) => "Online chat",
        (Lang::Es, Channel::Messaging) => "App de mensajería",
        (Lang::En, Channel::Messaging) => "Messaging app",
        (Lang::Es, Channel::WalkIn) => "En persona",
        (Lang::En, Channel::WalkIn) => "Walk-in",
    }
}

pub fn direction_label(lang: Lang, d: Direction) -> &'static str {
    match (lang, d) {
        (Lang::Es, Direction::In) => "Entrante",
        (Lang::En, Direction::In) => "Inbound",
        (Lang::Es, Direction::Out) => "Saliente",
        (Lang::En, Direction::Out) => "Outbound",
    }
}

pub fn category_label(lang: Lang, c: Category) -> &'static str {
    match (lang, c) {
        (Lang::Es, Category::Enquiry) => "Consulta",
        (Lang::En, Category::Enquiry) => "Enquiry",
        (Lang::Es, Category::Order) => "Pedido",
        (Lang::En, Category::Order) => "Order",
        (Lang::Es, Category::GoodsInspection) => "Revisión de mercancía",
        (Lang::En, Category::GoodsInspection) => "Goods inspection",
        (Lang::Es, Category::Claim) => "Reclamación",
        (Lang::En, Category::Claim) => "Claim",
        (Lang::Es, Category::Complaint) => "Queja",
        (Lang::En, Category::Complaint) => "Complaint",
        (Lang::Es, Category::Suggestion) => "Sugerencia",
        (Lang::En, Category::Suggestion) => "Suggestion",
        (Lang::Es, Category::AfterSales) => "Posventa",
        (Lang::En, Category::AfterSales) => "After-sales",
    }
}

pub fn status_label(lang: Lang, s: ContactStatus) -> &'static str {
    match (lang, s) {
        (Lang::Es, ContactStatus::Open) => "Abierto",
        (Lang::En, ContactStatus::Open) => "Open",
        (Lang::Es, ContactStatus::Forwarded) => "Derivado",
        (Lang::En, ContactStatus::Forwarded) => "Forwarded",
        (Lang::Es, ContactStatus::Done) => "Cerrado",
        (Lang::En, ContactStatus::Done) => "Done",
    }
}
