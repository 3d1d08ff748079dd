//! The rules' refusals have one home for their words,
//! `ui::words`, in both languages. The top-level match is exhaustive (a new
//! variant without words does not compile); this test also covers the
//! department's and the return visits' parts, which the top level hands on
//! to: every refusal says something in each language, the two differ, and
//! neither falls back to the domain's debug text.

use ventanilla::domain::complaint::Stage;
use ventanilla::domain::staff::{Action, Role};
use ventanilla::domain::{Lang, RuleError};
use ventanilla::ui::words::{refusal, refusals};

pub(crate) fn every_refusal() -> Vec<RuleError> {
    use RuleError::*;
    vec![
        NotAllowed {
            action: Action::ManageStaff,
            needs: Role::CenterDirector,
        },
        Required { field: "name" },
        TooLong {
            field: "summary",
            max: 10,
        },
        InvalidEmail { field: "email" },
        InvalidPhone { field: "phones" },
        InvalidDate { field: "birthday" },
        InvalidQuietHours,
        NotFound { what: "customer" },
        ContactClosed,
        AlreadyComplaint,
        ForwardTargetMissing,
        MergeWithItself,
        InactiveStaff,
        LastDirector,
        OutOfRange {
            field: "min_weekly_hours",
        },
        Duplicate { field: "name" },
        EndBeforeStart { field: "end" },
        OtherTeam,
        Overlap { what: "leave" },
        LeaveBySelf,
        WrongApprover {
            needs: Role::DepartmentDirector,
            days: 1,
        },
        OwnRequest,
        AlreadyDecided,
        NoCertificateNeeded,
        HolidayDuty,
        HolidayNotice,
        NightLeaveTooLate,
        LeaveDuringSwap,
        SwapWithSelf,
        NotYourShift,
        ChainedSwap,
        SwapMismatch,
        TooManySwaps {
            name: "Pablo".into(),
        },
        ConsecutiveShifts,
        NotClockedIn,
        OwnHandover,
        StageNotReady {
            needs: Stage::Judged,
        },
        StageDone {
            stage: Stage::Investigated,
        },
        ComplaintClosed,
        WrongPath { founded: true },
        WrongPath { founded: false },
        NothingToReopen,
        UnresolvedConflict,
        NoConflict,
        SignatureTooLarge { max_kb: 64 },
        SkipNeedsEmergency {
            skipped: Role::TeamLeader,
        },
        NoSuperior,
        NotInChain,
        EscalationClosed,
        QuietHours {
            until: "09:00".into(),
        },
        QuietHours {
            until: String::new(),
        },
        VisitDone,
        UnhappyWithRequired,
        NoConversation,
        CallbackNotFuture,
        UnknownPlaceholder {
            field: "opening",
            name: "cliente".into(),
        },
    ]
}

/// Each variant's place, by an exhaustive match: a new refusal stops this
/// file compiling until it is added to `every_refusal`.
fn place(e: &RuleError) -> usize {
    use RuleError::*;
    match e {
        NotAllowed { .. } => 0,
        Required { .. } => 1,
        TooLong { .. } => 2,
        InvalidEmail { .. } => 3,
        InvalidPhone { .. } => 4,
        InvalidDate { .. } => 5,
        InvalidQuietHours => 6,
        NotFound { .. } => 7,
        ContactClosed => 8,
        AlreadyComplaint => 9,
        ForwardTargetMissing => 10,
        MergeWithItself => 11,
        InactiveStaff => 12,
        LastDirector => 13,
        OutOfRange { .. } => 14,
        Duplicate { .. } => 15,
        EndBeforeStart { .. } => 16,
        OtherTeam => 17,
        Overlap { .. } => 18,
        LeaveBySelf => 19,
        WrongApprover { .. } => 20,
        OwnRequest => 21,
        AlreadyDecided => 22,
        NoCertificateNeeded => 23,
        HolidayDuty => 24,
        HolidayNotice => 25,
        NightLeaveTooLate => 26,
        LeaveDuringSwap => 27,
        SwapWithSelf => 28,
        NotYourShift => 29,
        ChainedSwap => 30,
        SwapMismatch => 31,
        TooManySwaps { .. } => 32,
        ConsecutiveShifts => 33,
        NotClockedIn => 34,
        OwnHandover => 35,
        StageNotReady { .. } => 36,
        StageDone { .. } => 37,
        ComplaintClosed => 38,
        WrongPath { .. } => 39,
        NothingToReopen => 40,
        UnresolvedConflict => 41,
        NoConflict => 42,
        SignatureTooLarge { .. } => 43,
        SkipNeedsEmergency { .. } => 44,
        NoSuperior => 45,
        NotInChain => 46,
        EscalationClosed => 47,
        QuietHours { .. } => 48,
        VisitDone => 49,
        UnhappyWithRequired => 50,
        NoConversation => 51,
        CallbackNotFuture => 52,
        UnknownPlaceholder { .. } => 53,
    }
}

const VARIANTS: usize = 54;

#[test]
fn item6_the_list_covers_every_refusal() {
    let mut seen = [false; VARIANTS];
    for e in every_refusal() {
        seen[place(&e)] = true;
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen[*i]).collect();
    assert!(
        missing.is_empty(),
        "variants missing from every_refusal: {missing:?}"
    );
}

#[test]
fn item6_every_refusal_has_words_in_both_languages() {
    for e in every_refusal() {
        let (es, en) = (refusal(Lang::Es, &e), refusal(Lang::En, &e));
        assert!(!es.trim().is_empty() && !en.trim().is_empty(), "{e:?}");
        assert_ne!(es, en, "{e:?} says the same in both languages");
        // The domain's Display is English debug text, not words for people.
        assert_ne!(en, e.to_string(), "{e:?} fell back to the debug text");
        assert_ne!(es, e.to_string(), "{e:?} fell back to the debug text");
    }
}

#[test]
fn item6_several_refusals_read_as_one_message() {
    let both = [
        RuleError::Required { field: "name" },
        RuleError::InvalidEmail { field: "email" },
    ];
    let text = refusals(Lang::Es, &both);
    assert!(
        text.starts_with("Nombre: este dato es obligatorio."),
        "{text}"
    );
    assert!(
        text.contains("Correo electrónico: no parece un correo válido"),
        "{text}"
    );
}

/// A refused value says which kind, which field, where and which limit, in
/// each language (the words of `sync::bundle`'s limits live in ui::words).
#[test]
fn item6_a_refused_value_is_told_in_both_languages() {
    use ventanilla::sync::bundle::{BundleError, Limit};
    use ventanilla::ui::words::limits::refusal_text;
    let e = BundleError::BadValue {
        kind: "customer".into(),
        field: "tags".into(),
        at: "3".into(),
        limit: Limit::WrongType {
            expected: "text".into(),
        },
    };
    assert_eq!(
        refusal_text(Lang::Es, &e),
        "Un registro de tipo «customer» trae en su campo «tags» (en 3) un valor fuera de los límites: no es texto como debe. No se ha aplicado nada."
    );
    assert_eq!(
        refusal_text(Lang::En, &e),
        "A record of kind “customer” holds a value beyond the limits in its field “tags” (at 3): it is not a text as it must be. Nothing was applied."
    );
}

/// Every thing the rules can report as not found (`NotFound { what }`, read
/// from the domain's source) is named in both languages, never as the
/// generic "Field".
#[test]
fn everything_the_rules_can_fail_to_find_has_a_name_in_both_languages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut names = std::collections::BTreeSet::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for part in text.split("what: \"").skip(1) {
                names.extend(part.split('"').next().map(String::from));
            }
            // dept/act.rs looks records up as `find(&model.dept.x, id, "what")`.
            for call in ["find(&", "find_opt(&"] {
                for part in text.split(call).skip(1) {
                    let args = part.split(')').next().unwrap_or_default();
                    if let Some(quoted) = args.split('"').nth(1) {
                        names.insert(quoted.to_string());
                    }
                }
            }
        }
    }
    assert!(names.len() > 10, "the reader found too few: {names:?}");
    let generic: Vec<String> = names
        .into_iter()
        .filter(|n| {
            let what: &'static str = Box::leak(n.clone().into_boxed_str());
            let e = RuleError::NotFound { what };
            refusal(Lang::Es, &e).starts_with("Campo:")
                || refusal(Lang::En, &e).starts_with("Field:")
        })
        .collect();
    assert!(generic.is_empty(), "no name in ui/words for: {generic:?}");
}

#[test]
fn r_qa_01_a_total_reads_out_of_100_in_each_language_and_each_standard_criterion_has_words() {
    use ventanilla::domain::qa::STANDARD_CRITERIA;
    use ventanilla::ui::words::{criterion_label, total_text};
    assert_eq!(total_text(Lang::Es, 625), "62,5");
    assert_eq!(total_text(Lang::En, 625), "62.5");
    assert_eq!(total_text(Lang::En, 1000), "100");
    assert_eq!(total_text(Lang::Es, 0), "0");
    for key in STANDARD_CRITERIA {
        let (es, en) = (
            criterion_label(Lang::Es, key, ""),
            criterion_label(Lang::En, key, ""),
        );
        assert!(es != key && en != key && es != en, "{key}: {es} / {en}");
    }
    assert_eq!(criterion_label(Lang::Es, "tone", ""), "Tono de voz");
    // A custom criterion is named as typed, in either language.
    assert_eq!(criterion_label(Lang::En, "empatia", "Empatía"), "Empatía");
}

#[test]
fn every_role_label_starts_with_a_capital_in_each_language() {
    use ventanilla::ui::words::labels::{role_label, role_name};
    for lang in [Lang::Es, Lang::En] {
        for role in Role::ALL {
            let label = role_label(lang, *role);
            // The label is the name with an ASCII capital: names start with an ASCII letter.
            assert!(
                role_name(lang, *role).starts_with(|c: char| c.is_ascii_lowercase()),
                "{lang:?} {role:?}"
            );
            assert!(
                label.starts_with(|c: char| c.is_ascii_uppercase()),
                "{lang:?} {role:?}: {label}"
            );
        }
    }
}
