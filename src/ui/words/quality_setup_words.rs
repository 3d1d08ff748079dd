//! Words: quality inspection, scorecards and the quality settings (R-QA-01, R-QA-02, R-QA-04).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! quality_setup_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaSetup => "Fichas y ajustes", "Scorecards and settings";
        QaSetupLead => "Las fichas de evaluación y los números de la inspección de calidad; los cambia la dirección del departamento.", "The scorecards and the numbers of quality inspection; the department director changes them.";
        }
    };
}
