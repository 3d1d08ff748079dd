//! Words: the standard answers (knowledge base), on their page and on a contact.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! answer_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        NavAnswers => "Respuestas unificadas", "Standard answers";
        AnswersLead => "Las respuestas unificadas que el equipo acordó en la reunión semanal. Búscalas aquí o desde un contacto e insértalas en la respuesta con un toque.", "The unified answers the team agreed at the weekly meeting. Search them here or from a contact and insert them into the reply with one tap.";
        AnswersSearch => "Buscar respuestas", "Search answers";
        AnswersSearchHint => "Sin acentos ni mayúsculas: busca en la pregunta, la respuesta y las palabras clave.", "Accents and case do not matter: searches the question, the answer and the keywords.";
        AnswersInUse => "Respuestas en uso", "Answers in use";
        NoAnswersYet => "Aún no hay respuestas acordadas. Redacta la primera abajo; se usa en cuanto una reunión la acuerda.", "No answers agreed yet. Draft the first one below; it is in use once a meeting agrees it.";
        NoAnswerMatches => "Ninguna respuesta coincide con la búsqueda.", "No answer matches the search.";
        AnswerQuestion => "Pregunta", "Question";
        AnswerText => "Respuesta", "Answer";
        AnswerTextHint => "Puedes usar {customer}, {agent} y {org}: se rellenan al insertarla.", "You may use {customer}, {agent} and {org}: they are filled in when it is inserted.";
        AnswerKeywords => "Palabras clave (separadas por comas)", "Keywords (separated by commas)";
        AnswerLanguage => "Idioma de la respuesta", "Language of the answer";
        NewAnswer => "Redactar una respuesta", "Draft an answer";
        SaveDraft => "Guardar borrador", "Save draft";
        AnswerDrafted => "Borrador guardado", "Draft saved";
        AnswerDrafts => "Borradores", "Drafts";
        NoDrafts => "No hay borradores.", "No drafts.";
        AgreeAtMeeting => "Acordada en la reunión", "Agreed at the meeting";
        AgreeButton => "Poner en uso", "Put in use";
        AnswerAgreed => "Respuesta en uso", "Answer in use";
        NoMeetingToAgree => "Para poner una respuesta en uso hace falta la reunión que la acordó: prográmala en Departamento → Reuniones.", "To put an answer in use you need the meeting that agreed it: schedule it under Department → Meetings.";
        EditWording => "Cambiar la redacción", "Change the wording";
        SaveWording => "Guardar la nueva redacción", "Save the new wording";
        WordingSaved => "Nueva redacción guardada; la anterior se conserva", "New wording saved; the earlier one is kept";
        EarlierWordings => "Redacciones anteriores", "Earlier wordings";
        MarkOutdated => "Marcar como obsoleta", "Mark outdated";
        ReplacedByLabel => "La sustituye", "Replaced by";
        NoReplacement => "(ninguna)", "(none)";
        AnswerOutdated => "Respuesta marcada como obsoleta", "Answer marked outdated";
        OutdatedAnswers => "Obsoletas", "Outdated";
        NoOutdated => "No hay respuestas obsoletas.", "No outdated answers.";
        RestoreAnswer => "Volver a usarla", "Use it again";
        AnswerRestored => "Respuesta en uso de nuevo", "Answer in use again";
        UnusedForReview => "Sin usar en 90 días: revisar", "Not used for 90 days: review";
        NothingToReview => "Todas las respuestas en uso se han usado en los últimos 90 días.", "Every answer in use was used in the last 90 days.";
        QuestionsWithoutAnswer => "Preguntas sin respuesta (orden del día de la próxima reunión)", "Questions without an answer (agenda of the next meeting)";
        NoQuestionsWaiting => "Ninguna pregunta espera respuesta.", "No question is waiting for an answer.";
        DraftFromQuestion => "Redactar su respuesta", "Draft its answer";
        DismissQuestion => "Descartar", "Dismiss";
        QuestionDismissed => "Pregunta descartada", "Question dismissed";
        UsedTimes => "Usada", "Used";
        TimesWord => "veces", "times";
        UsedOnce => "Usada una vez", "Used once";
        LastUsed => "última vez", "last";
        NeverUsed => "Sin usar", "Never used";
        AnswerStatusDraft => "Borrador", "Draft";
        AnswerStatusInUse => "En uso", "In use";
        AnswerStatusOutdated => "Obsoleta", "Outdated";
        AgreedAtMeetingWord => "en", "at";
        AgreedOn => "Acordada el", "Agreed on";
        PickerTitle => "Respuestas unificadas", "Standard answers";
        PickerHint => "Escribe para buscar; Insertar la pone donde está el cursor en la resolución.", "Type to search; Insert puts it where the cursor is in the resolution.";
        InsertAnswer => "Insertar", "Insert";
        AnswerInserted => "Respuesta insertada", "Answer inserted";
        NoStandardAnswer => "No hay respuesta unificada para esto", "No standard answer for this";
        GapRecorded => "Anotada para la próxima reunión semanal", "Noted for the next weekly meeting";
        AnswersUsedHere => "Respuestas usadas en este contacto", "Answers used on this contact";
        VersionLabel => "versión", "version";
        }
    };
}
