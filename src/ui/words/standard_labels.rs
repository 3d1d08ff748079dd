//! Service standards' metrics and traffic lights in words, for the
//! standards pages and the reports that show their compliance.

use crate::domain::standards::{Light, Metric};
use crate::ui::words::Key;

pub fn metric_key(m: Metric) -> Key {
    match m {
        Metric::FirstResponse => Key::StdMetricFirstResponse,
        Metric::Resolution => Key::StdMetricResolution,
        Metric::ReturnVisitRate => Key::StdMetricReturnVisits,
        Metric::SatisfactionRate => Key::StdMetricSatisfaction,
        Metric::ComplaintRate => Key::StdMetricComplaints,
    }
}

/// A light in words (never colour alone) and its badge's look.
pub fn light_words(l: Light) -> (Key, &'static str) {
    match l {
        Light::Met => (Key::StdLightMet, "badge ok std-light met"),
        Light::Close => (Key::StdLightClose, "badge pending std-light close"),
        Light::Missed => (Key::StdLightMissed, "badge bad std-light missed"),
        Light::NoData => (Key::StdLightNoData, "badge std-light none"),
    }
}
