//! Words: quality inspection, the monthly report and the best / worst evaluation (R-QA-04).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! quality_month_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaMonth => "Informe mensual", "Monthly report";
        QaMonthLead => "El análisis de calidad del mes, que se emite antes del día 22, y la evaluación de mejor y peor desempeño.", "The month's quality analysis, issued before the 22nd, and the best / worst evaluation.";
        QaMoJanuary => "enero", "January";
        QaMoFebruary => "febrero", "February";
        QaMoMarch => "marzo", "March";
        QaMoApril => "abril", "April";
        QaMoMay => "mayo", "May";
        QaMoJune => "junio", "June";
        QaMoJuly => "julio", "July";
        QaMoAugust => "agosto", "August";
        QaMoSeptember => "septiembre", "September";
        QaMoOctober => "octubre", "October";
        QaMoNovember => "noviembre", "November";
        QaMoDecember => "diciembre", "December";
        QaMoMonthYear => "{month} de {year}", "{month} {year}";
        QaMoMonthNav => "Elegir el mes", "Choose the month";
        QaMoPrev => "Mes anterior", "Previous month";
        QaMoThis => "Este mes", "This month";
        QaMoNext => "Mes siguiente", "Next month";
        QaMoNotAllowed => "El informe mensual lo ven la inspección de calidad, los líderes de turno y la dirección. Tus propias escuchas están en Calidad.", "The monthly report is for quality inspectors, team leaders and directors. Your own reviews are on the Quality page.";
        QaMoYourReviews => "Ver mis escuchas", "See my reviews";
        QaMoStatus => "Estado del informe", "Report status";
        QaMoIssuedBy => "Emitido por {who} el {when}.", "Issued by {who} on {when}.";
        QaMoFrozenNote => "Sus cifras quedaron congeladas al emitirlo: los cambios posteriores se avisan, no se mezclan.", "Its figures were frozen when it was issued: later changes are pointed out, never merged in.";
        QaMoChangedOne => "1 escucha ha cambiado desde que se emitió este informe.", "1 review changed since this report was issued.";
        QaMoChangedMany => "{n} escuchas han cambiado desde que se emitió este informe.", "{n} reviews changed since this report was issued.";
        QaMoChangedHint => "Las cifras emitidas siguen como estaban; las de hoy están en «Cifras con los datos de hoy».", "The issued figures stay as they were; today's are under \u{201c}Figures from today's records\u{201d}.";
        QaMoNotIssued => "Aún no se ha emitido.", "Not issued yet.";
        QaMoDueBy => "Hay que emitirlo antes del día 22: como tarde el {date}.", "Due before the 22nd: by {date} at the latest.";
        QaMoOnTime => "A tiempo", "On time";
        QaMoLate => "Atrasado", "Late";
        QaMoIssue => "Emitir el informe", "Issue the report";
        QaMoIssueConfirm => "Al emitirlo, las cifras del mes quedan congeladas. ¿Emitir el informe?", "Issuing freezes the month's figures. Issue the report?";
        QaMoIssued => "Informe emitido", "Report issued";
        QaMoIssueEmpty => "Este mes no tiene escuchas; puedes emitirlo igualmente.", "This month has no reviews; you may issue it anyway.";
        QaMoFigures => "Cifras del mes", "The month's figures";
        QaMoFiguresIssued => "Cifras emitidas", "Issued figures";
        QaMoFiguresNow => "Cifras con los datos de hoy", "Figures from today's records";
        QaMoAverage => "Media sobre 100", "Average out of 100";
        QaMoByAgent => "Media por persona", "Average per person";
        QaMoByCriterion => "Media por criterio", "Average per criterion";
        QaMoPerson => "Persona", "Person";
        QaMoCriterion => "Criterio", "Criterion";
        QaMoScored => "Veces puntuado", "Times scored";
        QaMoEvaluation => "Evaluación", "Evaluation";
        QaMoNoReviews => "No hay escuchas en este mes. Se registran en Calidad.", "There are no reviews in this month. They are recorded on the Quality page.";
        QaMoGoReview => "Ir a Calidad", "Go to Quality";
        QaMoTrend => "Evolución de los últimos 6 meses", "Trend over the last 6 months";
        QaMoMonthCol => "Mes", "Month";
        QaMoIssuedCol => "¿Emitido?", "Issued?";
        QaMoYes => "Sí", "Yes";
        QaMoNo => "No", "No";
        QaMoChart => "Gráfico de barras: {what}", "Bar chart: {what}";
        QaMoEval => "Mejor y peor desempeño", "Best and worst performance";
        QaMoEvalLead => "Combina la calidad (la media de las escuchas), la asistencia (turnos sin retraso, salida anticipada ni ausencia) y la carga de trabajo (contactos atendidos, frente a quien más atendió), con los pesos que fija la dirección del departamento. Lo que no tiene datos no cuenta.", "It combines quality (the reviews' average), attendance (shifts without lateness, early leaving or absence) and workload (contacts handled, against the busiest person), weighted as the department director set. A part without data is left out.";
        QaMoWeights => "Pesos: calidad {q}, asistencia {a}, carga de trabajo {w}. Escuchas necesarias para clasificar: {n}.", "Weights: quality {q}, attendance {a}, workload {w}. Reviews needed to be ranked: {n}.";
        QaMoSettingsLink => "Cambiar los pesos y el mínimo", "Change the weights and the minimum";
        QaMoEvalNow => "Calculada con los datos de hoy; el informe emitido guarda la evaluación de cada persona tal como era.", "Computed from today's records; the issued report keeps each person's evaluation as it was.";
        QaMoPodium => "Mejor y peor", "Best and worst";
        QaMoBest => "Mejor desempeño", "Best performance";
        QaMoWorst => "Peor desempeño", "Worst performance";
        QaMoNoBestWorst => "Hacen falta al menos dos personas clasificadas para señalar el mejor y el peor desempeño.", "At least two ranked people are needed to name the best and the worst.";
        QaMoRank => "Puesto", "Rank";
        QaMoQuality => "Calidad", "Quality";
        QaMoAttendance => "Asistencia", "Attendance";
        QaMoWorkload => "Carga de trabajo", "Workload";
        QaMoScore => "Puntuación", "Score";
        QaMoReviewsN => "Escuchas: {n}", "Reviews: {n}";
        QaMoShiftsN => "Turnos sin retraso ni ausencia: {ok} de {n}", "Shifts without lateness or absence: {ok} of {n}";
        QaMoContactsN => "Contactos atendidos: {n}", "Contacts handled: {n}";
        QaMoWeightN => "peso {w}", "weight {w}";
        QaMoLeftOut => "sin datos, no cuenta", "no data, left out";
        QaMoNotRankedFew => "Sin clasificar: menos escuchas que las necesarias para clasificar ({r} de {n}).", "Not ranked: fewer reviews than needed to be ranked ({r} of {n}).";
        QaMoNotRankedNoTotal => "Sin clasificar: ninguna escucha con total (todo «No aplica»).", "Not ranked: no review with a total (all \u{201c}N/A\u{201d}).";
        QaMoNotRanked => "Sin clasificar", "Not ranked";
        QaMoCsvFile => "informe-calidad", "quality-report";
        QaMoCsvTitle => "Informe mensual de calidad", "Monthly quality report";
        QaMoCsvShifts => "Turnos valorados", "Shifts judged";
        QaMoCsvViolations => "Turnos con retraso, salida anticipada o ausencia", "Shifts with lateness, early leaving or absence";
        QaMoCsvContacts => "Contactos atendidos", "Contacts handled";
        QaMoCsvStarted => "Descarga del CSV iniciada", "CSV download started";
        QaMoCsvFailed => "El navegador no ha podido preparar el archivo CSV.", "The browser could not prepare the CSV file.";
        }
    };
}
