//! The status of a swap, derived from its agreements and approvals
//! (R-SW-01): who works a swapped shift. The rules that change a swap are
//! in `swap.rs`.

use super::approval::live_decisions;
use super::records::*;
use crate::domain::base::order;
use crate::domain::base::text::fold;
use crate::domain::model::Model;
use crate::domain::staff::Role;
use crate::sync::RecordId;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SwapStatus {
    Pending,
    Approved,
    Refused,
    Cancelled,
    /// An approval and a refusal crossed offline: decide again.
    Conflict,
}

pub(super) fn team_of(model: &Model, person: RecordId) -> String {
    model
        .staff
        .get(&person)
        .map(|s| s.team.clone())
        .unwrap_or_default()
}

/// Whether a decision counts as the leader's of `team` (R-SW-01).
pub(super) fn leader_decision(a: &Approval, team: &str) -> bool {
    a.role.rank() >= Role::DepartmentDirector.rank()
        || (a.role.rank() >= Role::TeamLeader.rank() && fold(&a.team) == fold(team))
}

/// Who still has to say yes: (colleague, requester's leader, colleague's leader).
pub fn agreed(model: &Model, swap: &Swap) -> (bool, bool, bool) {
    let live = live_decisions(model, swap.id);
    let yes: Vec<&&Approval> = live
        .iter()
        .filter(|a| a.decision == Decision::Approve)
        .collect();
    let leader_yes = |team: String| {
        yes.iter()
            .any(|a| a.by != swap.requester && a.by != swap.colleague && leader_decision(a, &team))
    };
    (
        yes.iter().any(|a| a.by == swap.colleague),
        leader_yes(team_of(model, swap.requester)),
        leader_yes(team_of(model, swap.colleague)),
    )
}

/// Whose agreement a swap needs (R-SW-01), as a person sees it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Party {
    Colleague,
    RequesterLeader,
    ColleagueLeader,
    /// Both work in the same team: one leader's yes counts for both.
    BothLeaders,
}

/// Where one party stands: who said yes for it, or who may still say it
/// (the colleague; the team's active team leaders, in name order, empty
/// when the team has none and only a director can). `team` is the team
/// a leader's yes is for (empty for the colleague).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Agreement {
    pub party: Party,
    pub team: String,
    pub agreed_by: Option<RecordId>,
    pub awaited: Vec<RecordId>,
}

/// The team leaders who may approve for `team`, in name order, leaving
/// out the two people swapping.
fn leaders_of(model: &Model, team: &str, swap: &Swap) -> Vec<RecordId> {
    let mut v: Vec<(&str, RecordId)> = model
        .active_staff()
        .filter(|s| s.role == Role::TeamLeader && fold(&s.team) == fold(team))
        .filter(|s| s.id != swap.requester && s.id != swap.colleague)
        .map(|s| (s.name.as_str(), s.id))
        .collect();
    order::sort(&mut v);
    v.into_iter().map(|(_, id)| id).collect()
}

/// Who has agreed to `swap` and who is awaited, party by party.
pub fn agreements(model: &Model, swap: &Swap) -> Vec<Agreement> {
    let live = live_decisions(model, swap.id);
    let yes = |pred: &dyn Fn(&Approval) -> bool| {
        live.iter()
            .filter(|a| a.decision == Decision::Approve && pred(a))
            .map(|a| a.by)
            .next()
    };
    let leader = |party: Party, team: String| Agreement {
        party,
        agreed_by: yes(&|a| {
            a.by != swap.requester && a.by != swap.colleague && leader_decision(a, &team)
        }),
        awaited: leaders_of(model, &team, swap),
        team,
    };
    let (ta, tb) = (
        team_of(model, swap.requester),
        team_of(model, swap.colleague),
    );
    let mut out = vec![Agreement {
        party: Party::Colleague,
        team: String::new(),
        agreed_by: yes(&|a| a.by == swap.colleague),
        awaited: vec![swap.colleague],
    }];
    if fold(&ta) == fold(&tb) {
        out.push(leader(Party::BothLeaders, ta));
    } else {
        out.push(leader(Party::RequesterLeader, ta));
        out.push(leader(Party::ColleagueLeader, tb));
    }
    out
}

pub fn status(model: &Model, swap: &Swap) -> SwapStatus {
    if swap.cancelled {
        return SwapStatus::Cancelled;
    }
    let (ta, tb) = (
        team_of(model, swap.requester),
        team_of(model, swap.colleague),
    );
    let live = live_decisions(model, swap.id);
    let refused = live.iter().any(|a| {
        a.decision == Decision::Refuse
            && (a.by == swap.colleague
                || (a.by != swap.requester && (leader_decision(a, &ta) || leader_decision(a, &tb))))
    });
    let (c, la, lb) = agreed(model, swap);
    let approved = c && la && lb;
    match (refused, approved) {
        (true, true) => SwapStatus::Conflict,
        (true, false) => SwapStatus::Refused,
        (false, true) => SwapStatus::Approved,
        (false, false) => SwapStatus::Pending,
    }
}

pub(super) fn standing(model: &Model, s: &Swap) -> bool {
    !matches!(
        status(model, s),
        SwapStatus::Refused | SwapStatus::Cancelled
    )
}

/// Who works `entry` after an approved swap, if one moved it.
pub fn swapped_worker(model: &Model, entry: RecordId) -> Option<RecordId> {
    model
        .dept
        .swaps
        .values()
        .filter(|s| s.give == entry || s.take == entry)
        .find(|s| status(model, s) == SwapStatus::Approved)
        .map(|s| {
            if s.give == entry {
                s.colleague
            } else {
                s.requester
            }
        })
}

/// Entries rostered to others that approved swaps gave to `person`.
pub fn entries_swapped_to(model: &Model, person: RecordId) -> Vec<&RosterEntry> {
    model
        .dept
        .swaps
        .values()
        .filter(|s| s.requester == person || s.colleague == person)
        .filter(|s| status(model, s) == SwapStatus::Approved)
        .filter_map(|s| {
            let e = if s.requester == person {
                s.take
            } else {
                s.give
            };
            model.dept.roster.get(&e)
        })
        .collect()
}

/// A pending, approved or conflicting swap that touches `entry`.
pub fn standing_swap_on(model: &Model, entry: RecordId) -> Option<&Swap> {
    model
        .dept
        .swaps
        .values()
        .filter(|s| s.give == entry || s.take == entry)
        .find(|s| standing(model, s))
}
