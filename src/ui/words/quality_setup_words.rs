//! Words: quality inspection, scorecards and the quality settings (R-QA-01, R-QA-02, R-QA-04).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.
//! `{n}`, `{max}`, `{name}`, `{when}` and `{who}` are filled in by the page.

macro_rules! quality_setup_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaSetup => "Fichas y ajustes", "Scorecards and settings";
        QaSetupLead => "Las fichas de evaluación y los números de la inspección de calidad; los cambia la dirección del departamento.", "The scorecards and the numbers of quality inspection; the department director changes them.";
        QaSetScorecards => "Fichas de evaluación", "Scorecards";
        QaSetScorecardsHint => "Guardar una ficha crea una versión nueva. Las escuchas ya puntuadas conservan la versión con la que se puntuaron: sus totales no cambian.", "Saving a scorecard makes a new version. Reviews already scored keep the version they were scored with: their totals do not change.";
        QaSetCardsReadOnly => "Solo la dirección del departamento (o del centro) cambia las fichas; aquí las ves tal como están.", "Only the department director (or the center director) changes the scorecards; here you see them as they are.";
        QaSetVersion => "Versión {n}", "Version {n}";
        QaSetBuiltIn => "tal como viene la aplicación", "as the app comes";
        QaSetCriterion => "Criterio", "Criterion";
        QaSetWeightCol => "Peso", "Weight";
        QaSetCriticalCol => "Crítico", "Critical";
        QaSetCriticalYes => "Sí", "Yes";
        QaSetCriticalHint => "Un criterio crítico puntuado por debajo de 3 deja toda la escucha en 0.", "A critical criterion scored below 3 sets the whole review to 0.";
        QaSetCriticalNo => "No", "No";
        QaSetShareOfTotal => "del total", "of the total";
        QaSetEarlier => "Versiones anteriores ({n})", "Earlier versions ({n})";
        QaSetOlderNotShown => "Hay {n} versiones más antiguas que no se muestran.", "{n} older versions are not shown.";
        QaSetEdit => "Editar la ficha", "Edit the scorecard";
        QaSetNewCard => "Nueva ficha", "New scorecard";
        QaSetNewCardHint => "Empieza con los cinco criterios estándar: cámbialos, quítalos o añade los que necesites.", "It starts with the five standard criteria: change them, remove them or add what you need.";
        QaSetCardName => "Nombre de la ficha", "Scorecard name";
        QaSetCardNameHint => "Vacío, se llama «Ficha estándar».", "Left empty, it is called \u{201c}Standard scorecard\u{201d}.";
        QaSetNewCriterion => "Criterio nuevo", "New criterion";
        QaSetCriterionName => "Nombre del criterio", "Criterion name";
        QaSetCriterionWeight => "Peso", "Weight";
        QaSetCriticalCheck => "Crítico: por debajo de 3, toda la escucha vale 0", "Critical: below 3, the whole review is 0";
        QaSetMoveUp => "Subir", "Move up";
        QaSetMoveDown => "Bajar", "Move down";
        QaSetRemove => "Quitar el criterio", "Remove the criterion";
        QaSetRemoveConfirm => "¿Quitar este criterio de la nueva versión?", "Remove this criterion from the new version?";
        QaSetAddCriterion => "Añadir un criterio", "Add a criterion";
        QaSetCriteriaCount => "Criterios: {n} de {max} como máximo.", "Criteria: {n} of at most {max}.";
        QaSetWeightsHint => "Cada peso, de 1 a {max}, cuenta respecto a los demás: la columna «del total» dice cuánto pesa cada criterio.", "Each weight, 1 to {max}, counts against the others: the \u{201c}of the total\u{201d} figure says how much each criterion weighs.";
        QaSetNewVersionNote => "Al guardar se crea la versión {n}; las escuchas ya puntuadas conservan la versión con la que se puntuaron.", "Saving makes version {n}; reviews already scored keep the version they were scored with.";
        QaSetSaveCard => "Guardar como versión nueva", "Save as a new version";
        QaSetCreateCard => "Crear la ficha", "Create the scorecard";
        QaSetCardSaved => "Ficha guardada como versión nueva", "Scorecard saved as a new version";
        QaSetCardCreated => "Ficha creada", "Scorecard created";
        QaSetNothingChanged => "Nada que guardar: la ficha está como estaba.", "Nothing to save: the scorecard is as it was.";
        QaSetErrWeight => "«{name}»: el peso debe ser un número entero de 1 a {max}.", "\u{201c}{name}\u{201d}: the weight must be a whole number from 1 to {max}.";
        QaSetErrWeightAny => "El peso de cada criterio debe ser un número entero de 1 a {max}.", "Each criterion's weight must be a whole number from 1 to {max}.";
        QaSetErrCriterionName => "Criterio {n}: escribe su nombre.", "Criterion {n}: write its name.";
        QaSetErrCriterionNameAny => "Cada criterio nuevo necesita un nombre.", "Each new criterion needs a name.";
        QaSetErrCardName => "Escribe el nombre de la ficha: el formulario de escucha la muestra por él.", "Write the scorecard's name: the review form lists it by that name.";
        QaSetErrCount => "Una ficha tiene de 1 a {max} criterios.", "A scorecard has 1 to {max} criteria.";
        QaSetErrTwice => "Dos criterios tienen el mismo nombre; dale a cada uno el suyo.", "Two criteria have the same name; give each its own.";
        QaSetSettings => "Ajustes de la inspección", "Inspection settings";
        QaSetSettingsReadOnly => "Solo la dirección del departamento (o del centro) cambia estas cifras; aquí las ves tal como están.", "Only the department director (or the center director) changes these numbers; here you see them as they are.";
        QaSetQuota => "Escuchas por persona y mes", "Reviews per person and month";
        QaSetQuotaHint => "Cada persona recibe al menos el mínimo de escuchas al mes; pasado el máximo (de 1 a {max}), la siguiente escucha se rechaza.", "Each person gets at least the minimum of reviews a month; past the maximum (1 to {max}), the next review is refused.";
        QaSetMinPerMonth => "Como mínimo", "At least";
        QaSetMaxPerMonth => "Como máximo", "At most";
        QaSetEvaluation => "Evaluación de mejores y peores", "Best / worst evaluation";
        QaSetEvaluationHint => "Cuánto cuenta cada parte, de 0 a {max}, respecto a las demás (50, 25 y 25: la mitad, un cuarto y un cuarto), y cuántas escuchas del mes necesita una persona para entrar en la clasificación.", "How much each part counts, 0 to {max}, against the others (50, 25 and 25: a half, a quarter and a quarter), and how many reviews in the month a person needs to be ranked.";
        QaSetWeightQuality => "Peso de la calidad", "Weight of quality";
        QaSetWeightAttendance => "Peso de la asistencia", "Weight of attendance";
        QaSetWeightWorkload => "Peso de la carga de trabajo", "Weight of workload";
        QaSetMinRank => "Escuchas para entrar en la clasificación", "Reviews needed to be ranked";
        QaSetSaveSettings => "Guardar los ajustes", "Save the settings";
        QaSetSettingsSaved => "Ajustes guardados", "Settings saved";
        QaSetChangedBy => "Último cambio: {when}, {who}.", "Last changed {when} by {who}.";
        QaSetDefaults => "Son los valores de serie: nadie los ha cambiado todavía.", "These are the defaults: nobody has changed them yet.";
        QaSetErrQuota => "Escuchas por persona y mes: el máximo va de 1 a {max} y el mínimo no puede pasar del máximo.", "Reviews per person and month: the maximum is 1 to {max}, and the minimum cannot be above it.";
        QaSetErrWeights => "Pesos de la evaluación: cada uno, un número entero de 0 a {max}, y no todos 0.", "Evaluation weights: each a whole number from 0 to {max}, and not all 0.";
        QaSetErrMinRank => "Escuchas para entrar en la clasificación: un número entero de 0 a {max}.", "Reviews needed to be ranked: a whole number from 0 to {max}.";
        }
    };
}
