//! Labels of the domain's codes (roles, customer kinds, channels, contact
//! categories and statuses), in both languages: each an exhaustive match.

use crate::domain::contact::{Category, Channel, ContactStatus, Direction};
use crate::domain::customer::{CustomerKind, PreferredChannel};
use crate::domain::staff::{Action, Role};
use crate::domain::Lang;

/// A role as a label: the domain's name for it (used mid-sentence in its
/// messages), capitalised.
pub fn role_label(lang: Lang, role: Role) -> String {
    let name = role_name(lang, role);
    // Role names start with an ASCII letter (tests/native/words.rs): ASCII
    // uppercasing keeps Unicode's case tables out of the first load.
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| {
            std::iter::once(c.to_ascii_uppercase())
                .chain(chars)
                .collect()
        })
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

/// The role's name as the rules use it, mid-sentence (refusals).
pub fn role_name(lang: Lang, value: Role) -> &'static str {
    match (lang, value) {
        (Lang::Es, Role::Representative) => "especialista",
        (Lang::En, Role::Representative) => "representative",
        (Lang::Es, Role::QualityInspector) => "inspección de calidad",
        (Lang::En, Role::QualityInspector) => "quality inspector",
        (Lang::Es, Role::TeamLeader) => "líder de turno",
        (Lang::En, Role::TeamLeader) => "team leader",
        (Lang::Es, Role::DepartmentDirector) => "dirección del departamento",
        (Lang::En, Role::DepartmentDirector) => "department director",
        (Lang::Es, Role::CenterDirector) => "dirección del centro",
        (Lang::En, Role::CenterDirector) => "center director",
    }
}

/// What the person tried, as the end of "You cannot …".
pub fn action_name(lang: Lang, value: Action) -> &'static str {
    let (es, en) = match value {
        Action::AssignCustomer => ("asignar clientes", "assign customers"),
        Action::MergeCustomers => ("fusionar clientes", "merge customers"),
        Action::CloseOthersContact => (
            "cerrar el contacto de otra persona",
            "close someone else's contact",
        ),
        Action::AssignVisits => ("asignar visitas de regreso", "assign return visits"),
        Action::RunCampaigns => (
            "crear campañas de visitas de regreso",
            "create return-visit campaigns",
        ),
        Action::EditScripts => ("editar los guiones de llamada", "edit call scripts"),
        Action::ApproveSwap => ("aprobar cambios de turno", "approve shift swaps"),
        Action::EditRoster => ("editar el cuadrante de turnos", "edit the roster"),
        Action::LeadTeam => (
            "dirigir el turno (relevos, avisos, reuniones)",
            "lead a team (handovers, announcements, meetings)",
        ),
        Action::ChoosePlan => (
            "elegir el plan de una queja",
            "choose a complaint's handling plan",
        ),
        Action::ResolveConflict => (
            "resolver el conflicto de una queja",
            "resolve a complaint's conflict",
        ),
        Action::ApproveShortLeave => (
            "aprobar permisos de un día o menos",
            "approve leave of one day or less",
        ),
        Action::SetStandards => ("fijar los estándares de servicio", "set service standards"),
        Action::IssueReports => (
            "emitir los informes semanales y mensuales",
            "issue the weekly and monthly reports",
        ),
        Action::ApproveLongLeave => (
            "aprobar permisos de más de un día",
            "approve leave over one day",
        ),
        Action::ManageStaff => ("gestionar el personal", "manage staff"),
        Action::SetTimeZone => (
            "cambiar la zona horaria de la organización",
            "change the organisation's time zone",
        ),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}
