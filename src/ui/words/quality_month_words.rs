//! Words: quality inspection, the monthly report and the best / worst evaluation (R-QA-04).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! quality_month_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaMonth => "Informe mensual", "Monthly report";
        QaMonthLead => "El análisis de calidad del mes, que se emite antes del día 22, y la evaluación de mejor y peor desempeño.", "The month's quality analysis, issued before the 22nd, and the best / worst evaluation.";
        }
    };
}
