//! A pending swap's agreements in words: who has agreed, and who is still
//! awaited, by name and by what they are to the person reading ("Agreed:
//! Luis (colleague). Waiting for: Marta (your team leader), Jorge (Luis's
//! team leader).").

use super::{t, Key};
use crate::domain::dept::swap_status::Party;
use crate::domain::Lang;

/// One party with names already looked up.
pub struct PartyNames {
    pub party: Party,
    /// The team a leader approves for.
    pub team: String,
    pub agreed_by: Option<String>,
    /// Who may still agree (empty: only a director can).
    pub awaited: Vec<String>,
}

/// Who is reading, so "your team leader" is said to the right person.
pub struct Reader<'a> {
    pub is_requester: bool,
    pub is_colleague: bool,
    pub requester: &'a str,
    pub colleague: &'a str,
}

/// What a party is to the reader: "colleague", "your team leader",
/// "Luis's team leader", "team leader of both".
fn role(lang: Lang, p: Party, r: &Reader) -> String {
    let leader_of = |name: &str| t(lang, Key::SwapLeaderOf).replace("{name}", name);
    match p {
        Party::Colleague => t(lang, Key::SwapRoleColleague).into(),
        Party::RequesterLeader if r.is_requester => t(lang, Key::SwapYourLeader).into(),
        Party::RequesterLeader => leader_of(r.requester),
        Party::ColleagueLeader if r.is_colleague => t(lang, Key::SwapYourLeader).into(),
        Party::ColleagueLeader => leader_of(r.colleague),
        Party::BothLeaders => t(lang, Key::SwapLeaderOfBoth).into(),
    }
}

/// "Agreed: … . Waiting for: … ." (`waiting`: whether to say who is
/// awaited: not for a refused or cancelled swap). Empty when nothing
/// is to be said.
pub fn agreement_words(
    lang: Lang,
    parties: &[PartyNames],
    reader: &Reader,
    waiting: bool,
) -> String {
    let mut agreed = Vec::new();
    let mut awaited = Vec::new();
    for p in parties {
        let what = role(lang, p.party, reader);
        match &p.agreed_by {
            Some(who) => agreed.push(format!("{who} ({what})")),
            None if p.awaited.is_empty() => awaited.push(format!(
                "{} ({what})",
                t(lang, Key::SwapNoLeader).replace("{team}", &p.team)
            )),
            None => awaited.push(format!("{} ({what})", p.awaited.join(t(lang, Key::SwapOr)))),
        }
    }
    let mut out = Vec::new();
    if !agreed.is_empty() {
        out.push(format!(
            "{}: {}.",
            t(lang, Key::SwapAgreed),
            agreed.join(", ")
        ));
    }
    if waiting && !awaited.is_empty() {
        out.push(format!(
            "{}: {}.",
            t(lang, Key::SwapWaitingFor),
            awaited.join(", ")
        ));
    }
    out.join(" ")
}
