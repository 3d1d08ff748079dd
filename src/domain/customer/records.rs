//! The records of customer files: the customer, its kind, preferred channel and quiet hours. Data only; the rules are in `files.rs`, `search.rs` and `merge.rs`.

use crate::domain::base::record::Audit;
use crate::sync::RecordId;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    Member,
    #[default]
    Individual,
    Group,
    Potential,
}

impl CustomerKind {
    pub const ALL: &'static [CustomerKind] = &[
        CustomerKind::Individual,
        CustomerKind::Member,
        CustomerKind::Group,
        CustomerKind::Potential,
    ];
    pub fn code(self) -> &'static str {
        match self {
            CustomerKind::Member => "member",
            CustomerKind::Individual => "individual",
            CustomerKind::Group => "group",
            CustomerKind::Potential => "potential",
        }
    }
    pub fn from_code(code: &str) -> Option<CustomerKind> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PreferredChannel {
    #[default]
    Phone,
    Email,
    Sms,
    Chat,
}

impl PreferredChannel {
    pub const ALL: &'static [PreferredChannel] = &[
        PreferredChannel::Phone,
        PreferredChannel::Email,
        PreferredChannel::Sms,
        PreferredChannel::Chat,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PreferredChannel::Phone => "phone",
            PreferredChannel::Email => "email",
            PreferredChannel::Sms => "sms",
            PreferredChannel::Chat => "chat",
        }
    }
    pub fn from_code(code: &str) -> Option<PreferredChannel> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }
}

/// Quiet hours as ("HH:MM", "HH:MM") ranges; a range may cross midnight.
pub type QuietHours = Vec<(String, String)>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    #[serde(skip)]
    pub id: RecordId,
    pub name: String,
    pub kind: CustomerKind,
    pub phones: Vec<String>,
    pub email: String,
    pub preferred_channel: PreferredChannel,
    pub quiet_hours: QuietHours,
    pub birthday: Option<NaiveDate>,
    pub card_number: String,
    pub card_expiry: Option<NaiveDate>,
    pub tags: Vec<String>,
    pub specialist: Option<RecordId>,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub assigned_at: Option<DateTime<Utc>>,
    pub notes: String,
    pub source: String,
    #[serde(deserialize_with = "crate::domain::base::when::utc_opt")]
    pub last_store_visit: Option<DateTime<Utc>>,
    pub merged_into: Option<RecordId>,
    pub demo: bool,
    #[serde(flatten)]
    pub audit: Audit,
}

/// Not derived: a customer with no quiet hours stored has the defaults of
/// R-RV-01, also when an older record lacks the field.
impl Default for Customer {
    fn default() -> Self {
        Customer {
            id: RecordId::default(),
            name: String::new(),
            kind: CustomerKind::default(),
            phones: Vec::new(),
            email: String::new(),
            preferred_channel: PreferredChannel::default(),
            quiet_hours: default_quiet_hours(),
            birthday: None,
            card_number: String::new(),
            card_expiry: None,
            tags: Vec::new(),
            specialist: None,
            assigned_at: None,
            notes: String::new(),
            source: String::new(),
            last_store_visit: None,
            merged_into: None,
            demo: false,
            audit: Audit::default(),
        }
    }
}

impl Customer {
    /// R-RV-01: is `local` (the customer's local time) inside a quiet range?
    /// Ranges are half-open and may cross midnight ("21:00"-"09:00").
    /// Unreadable ranges are skipped; no ranges at all means the defaults.
    pub fn is_quiet_at(&self, local: NaiveTime) -> bool {
        let defaults;
        let ranges = if self.quiet_hours.is_empty() {
            defaults = default_quiet_hours();
            &defaults
        } else {
            &self.quiet_hours
        };
        ranges.iter().any(|(a, b)| {
            let parse = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
            match (parse(a), parse(b)) {
                (Some(a), Some(b)) if a <= b => a <= local && local < b,
                (Some(a), Some(b)) => local >= a || local < b,
                _ => false,
            }
        })
    }
}

pub fn default_quiet_hours() -> QuietHours {
    vec![
        ("12:00".into(), "14:00".into()),
        ("21:00".into(), "09:00".into()),
    ]
}
