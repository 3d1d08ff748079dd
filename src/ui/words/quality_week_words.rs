//! Words: quality inspection, the weekly summary and the training plan (R-QA-03).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! quality_week_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaWeek => "Resumen semanal", "Weekly summary";
        QaWeekLead => "El resumen de una semana sacado de las escuchas, y el plan de formación que se envía a la dirección.", "A week's summary drawn from the reviews, and the training plan sent to the director.";
        }
    };
}
