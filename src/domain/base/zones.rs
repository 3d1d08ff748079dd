//! The time zones the product supports, by IANA name: each one's label in
//! both languages, standard offset and summer-time rule (`zone::Dst`). The
//! organisation's record names one (`Org::time_zone`); a name this list
//! does not know (a newer version's, or a hostile one) is refused by the
//! record schema on import and, if it is stored anyway, read as
//! [`DEFAULT_ZONE`] — never a panic.

use crate::domain::base::lang::Lang;
use crate::domain::base::zone::{Dst, Zone};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// One supported zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedZone {
    /// The IANA name, as stored.
    pub name: &'static str,
    pub es: &'static str,
    pub en: &'static str,
    pub zone: Zone,
}

impl NamedZone {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => self.es,
            Lang::En => self.en,
        }
    }
}

/// What an organisation without a zone (made by an older version) uses:
/// the behaviour those versions had for the department.
pub const DEFAULT_ZONE: &str = "Europe/Madrid";

const fn z(name: &'static str, es: &'static str, en: &'static str, zone: Zone) -> NamedZone {
    NamedZone { name, es, en, zone }
}

/// Every zone the product supports, in the order the select shows them.
/// Rules are today's: Mexico has had no summer time since 2022, Argentina,
/// Colombia and Peru none at all.
pub const ZONES: &[NamedZone] = &[
    z(
        "Europe/Madrid",
        "España peninsular y Baleares (Madrid)",
        "Spain, mainland and Balearics (Madrid)",
        Zone::eu(60),
    ),
    z("Atlantic/Canary", "Canarias", "Canary Islands", Zone::eu(0)),
    z(
        "Europe/Lisbon",
        "Portugal (Lisboa)",
        "Portugal (Lisbon)",
        Zone::eu(0),
    ),
    z(
        "Europe/London",
        "Reino Unido (Londres)",
        "United Kingdom (London)",
        Zone::eu(0),
    ),
    z(
        "Europe/Paris",
        "Francia (París)",
        "France (Paris)",
        Zone::eu(60),
    ),
    z(
        "Europe/Berlin",
        "Alemania (Berlín)",
        "Germany (Berlin)",
        Zone::eu(60),
    ),
    z("Europe/Rome", "Italia (Roma)", "Italy (Rome)", Zone::eu(60)),
    z(
        "UTC",
        "Tiempo universal coordinado (UTC)",
        "Coordinated Universal Time (UTC)",
        Zone::UTC,
    ),
    z(
        "America/Mexico_City",
        "México (Ciudad de México)",
        "Mexico (Mexico City)",
        Zone::fixed(-360),
    ),
    z(
        "America/Bogota",
        "Colombia (Bogotá)",
        "Colombia (Bogotá)",
        Zone::fixed(-300),
    ),
    z(
        "America/Lima",
        "Perú (Lima)",
        "Peru (Lima)",
        Zone::fixed(-300),
    ),
    z(
        "America/Argentina/Buenos_Aires",
        "Argentina (Buenos Aires)",
        "Argentina (Buenos Aires)",
        Zone::fixed(-180),
    ),
    z(
        "America/Santiago",
        "Chile (Santiago)",
        "Chile (Santiago)",
        Zone::with_dst(-240, Dst::Chile),
    ),
    z(
        "America/New_York",
        "Estados Unidos, este (Nueva York)",
        "United States, Eastern (New York)",
        Zone::with_dst(-300, Dst::Us),
    ),
    z(
        "America/Chicago",
        "Estados Unidos, centro (Chicago)",
        "United States, Central (Chicago)",
        Zone::with_dst(-360, Dst::Us),
    ),
    z(
        "America/Los_Angeles",
        "Estados Unidos, Pacífico (Los Ángeles)",
        "United States, Pacific (Los Angeles)",
        Zone::with_dst(-480, Dst::Us),
    ),
];

/// The supported zone called `name`, exactly; None for any other text.
pub fn find(name: &str) -> Option<&'static NamedZone> {
    ZONES.iter().find(|z| z.name == name)
}

/// `name` as it is stored, when it names a supported zone (surrounding
/// blanks aside, as a form may send them).
pub fn known_name(name: &str) -> Option<String> {
    find(name.trim()).map(|z| z.name.to_string())
}

/// The zone for a stored name: a known name's, else [`DEFAULT_ZONE`]'s.
pub fn named_or_default(name: Option<&str>) -> &'static NamedZone {
    name.and_then(find).unwrap_or_else(default_zone)
}

pub fn default_zone() -> &'static NamedZone {
    find(DEFAULT_ZONE).unwrap_or(&FALLBACK)
}

/// Only reached if [`DEFAULT_ZONE`] were removed from [`ZONES`].
const FALLBACK: NamedZone = z(DEFAULT_ZONE, "Madrid", "Madrid", Zone::MADRID);

/// Whether a stored value names a supported zone (the record schema's check).
pub fn is_known(v: &Value) -> bool {
    v.as_str().and_then(find).is_some()
}

/// The zone to offer first: the browser's own name if supported; else the
/// supported zone whose offset at `now` is nearest to the browser's (at
/// most an hour away; the list's order breaks ties); else [`DEFAULT_ZONE`].
pub fn suggest(
    browser_name: &str,
    browser_offset_minutes: i32,
    now: DateTime<Utc>,
) -> &'static NamedZone {
    if let Some(z) = find(browser_name) {
        return z;
    }
    let distance = |z: &NamedZone| {
        (i64::from(z.zone.offset_minutes(now)) - i64::from(browser_offset_minutes)).unsigned_abs()
    };
    ZONES
        .iter()
        .filter(|z| distance(z) <= 60)
        .min_by_key(|z| distance(z))
        .unwrap_or_else(default_zone)
}
