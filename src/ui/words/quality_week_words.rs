//! Words: quality inspection, the weekly summary and the training plan (R-QA-03).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! quality_week_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        QaWeek => "Resumen semanal", "Weekly summary";
        QaWeekLead => "El resumen de una semana sacado de las escuchas, y el plan de formación que se envía a la dirección.", "A week's summary drawn from the reviews, and the training plan sent to the director.";
        QaWkLeadAgent => "La formación que te concierne, de los planes que la inspección de calidad envía a la dirección del departamento.", "The training that concerns you, from the plans the quality inspector sends to the department director.";
        QaWkLeadOthers => "El plan de formación de cada semana, tal como la inspección de calidad lo envió a la dirección del departamento.", "Each week's training plan, as the quality inspector sent it to the department director.";
        QaWkDay => "Ir a la semana del día", "Show the week of";
        QaWkSummary => "Resumen de la semana", "The week's summary";
        QaWkSummaryHint => "Sacado de las escuchas con fecha en esta semana; si la dirección cambió una puntuación, cuenta la nueva.", "Drawn from the reviews dated in this week; where the director changed a score, the new one counts.";
        QaWkOneReview => "escucha", "review";
        QaWkManyReviews => "escuchas", "reviews";
        QaWkNoReviews => "No hay escuchas con fecha en esta semana, así que no hay nada que resumir.", "There are no reviews dated in this week, so there is nothing to summarise.";
        QaWkGoReviews => "Registrar escuchas en la página de Escuchas", "Record reviews on the Reviews page";
        QaWkPerAgent => "Media por persona", "Average per person";
        QaWkPerson => "Persona", "Person";
        QaWkAverage => "Media (sobre 100)", "Average (out of 100)";
        QaWkNoAverage => "sin total", "no total";
        QaWkWeakest => "Criterios más flojos", "Weakest criteria";
        QaWkCriterion => "Criterio", "Criterion";
        QaWkScored => "Veces puntuado", "Times scored";
        QaWkCauses => "Causas más frecuentes", "Most frequent root causes";
        QaWkCause => "Causa", "Root cause";
        QaWkTimes => "Veces", "Times";
        QaWkNoCauses => "Ninguna escucha de la semana indica causas (solo se piden en puntuaciones de 1 o 2).", "No review this week gives root causes (they are asked for on scores of 1 or 2 only).";
        QaWkPlan => "Plan de formación", "Training plan";
        QaWkPlanHint => "Anota los problemas comunes y la formación que hace falta, para todo el equipo o para personas concretas, con quién la imparte y para cuándo; después, envía el plan a la dirección del departamento.", "Note the common problems and the training needed, for everyone or for named people, with who runs it and by when; then send the plan to the department director.";
        QaWkDraft => "Borrador: aún no enviado", "Draft: not sent yet";
        QaWkSentBadge => "Enviado, por confirmar", "Sent, waiting for acknowledgement";
        QaWkAckBadge => "Confirmado por la dirección", "Acknowledged by the director";
        QaWkSentBy => "Enviado a la dirección del departamento por", "Sent to the department director by";
        QaWkAckBy => "Confirmado por", "Acknowledged by";
        QaWkChangedSinceSent => "Hay cambios desde que se envió: vuelve a enviarlo para que la dirección los vea.", "Changed since it was sent: send it again for the director to see the changes.";
        QaWkNotes => "Problemas comunes", "Common problems";
        QaWkNotesHint => "Lo que más se repite en las escuchas de la semana; se comenta también con el equipo al empezar el turno.", "What comes up most in the week's reviews; it is also shared with the team at roll call.";
        QaWkFromSummary => "Empezar con el resumen", "Start from the summary";
        QaWkSaveNotes => "Guardar las notas", "Save the notes";
        QaWkNotesSaved => "Notas guardadas", "Notes saved";
        QaWkItems => "Acciones de formación", "Training items";
        QaWkNoItems => "El plan aún no tiene acciones. Añade la primera con el formulario de abajo.", "The plan has no items yet. Add the first one with the form below.";
        QaWkNoItemsSeen => "Este plan no tiene acciones de formación.", "This plan has no training items.";
        QaWkNoItemsForYou => "Ninguna acción de este plan te concierne.", "No item of this plan concerns you.";
        QaWkNewItem => "Nueva acción de formación", "New training item";
        QaWkItemText => "Formación", "Training";
        QaWkWho => "Para quién", "Who attends";
        QaWkEveryone => "Todo el equipo", "Everyone";
        QaWkNamed => "Personas concretas", "Named people";
        QaWkChoosePeople => "Elige al menos una persona, o «Todo el equipo».", "Choose at least one person, or \u{201c}Everyone\u{201d}.";
        QaWkOwner => "Quién la imparte", "Who runs it";
        QaWkOwnerNeeded => "Elige quién imparte la formación.", "Choose who runs the training.";
        QaWkDue => "Fecha límite", "Due by";
        QaWkDueNeeded => "Escribe la fecha límite.", "Enter the due date.";
        QaWkAddItem => "Añadir al plan", "Add to the plan";
        QaWkItemAdded => "Acción añadida al plan", "Item added to the plan";
        QaWkEdit => "Cambiar", "Edit";
        QaWkSaveItem => "Guardar los cambios", "Save the changes";
        QaWkItemSaved => "Acción guardada", "Item saved";
        QaWkRemove => "Quitar", "Remove";
        QaWkRemoveConfirm => "¿Quitar esta acción del plan?", "Remove this item from the plan?";
        QaWkItemRemoved => "Acción quitada del plan", "Item removed from the plan";
        QaWkMarkDone => "Marcar como hecha", "Mark as done";
        QaWkItemDone => "Formación marcada como hecha", "Training marked as done";
        QaWkDone => "Hecha", "Done";
        QaWkOverdue => "Atrasada", "Overdue";
        QaWkFor => "Para:", "For:";
        QaWkForEveryone => "todo el equipo", "everyone";
        QaWkRunBy => "Imparte:", "Run by:";
        QaWkDueShown => "Fecha límite:", "Due by:";
        QaWkSend => "Enviar a la dirección del departamento", "Send to the department director";
        QaWkSendAgain => "Volver a enviar", "Send again";
        QaWkSendHint => "Un plan necesita las notas o al menos una acción.", "A plan needs the notes or at least one item.";
        QaWkSent => "Plan enviado a la dirección del departamento", "Plan sent to the department director";
        QaWkAcknowledge => "Confirmar el plan", "Acknowledge the plan";
        QaWkAcknowledged => "Plan confirmado", "Plan acknowledged";
        QaWkOpenWeek => "Ver esta semana", "Show this week";
        QaWkOneItem => "acción", "item";
        QaWkManyItems => "acciones", "items";
        QaWkNotSent => "Aún no se ha enviado ningún plan de formación para esta semana.", "No training plan has been sent for this week yet.";
        QaWkMyTraining => "Tu formación", "Your training";
        QaWkMyTrainingHint => "Lo que te toca asistir o impartir, de los planes enviados; lo más próximo primero.", "What you attend or run, from the plans sent; soonest first.";
        QaWkPlanOfWeek => "Plan de la semana", "Plan of the week";
        }
    };
}
