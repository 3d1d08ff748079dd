//! The names of the fields that refusals and changed values mention, in
//! both languages: the department's, the return visits' (`refusal_visits`)
//! and everyone else's. One place, so that any area's refusal names any
//! field (a range, a name already taken) without the refusal modules
//! importing each other.

use super::pick;
use crate::domain::Lang;

/// The department's fields.
fn dept_label(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "min_weekly_hours" => ("Horas mínimas por semana", "Minimum weekly hours"),
        "end" => ("Fin", "End"),
        "shift" => ("Turno", "Shift"),
        "first_day" => ("Primer día", "First day"),
        "last_day" => ("Último día", "Last day"),
        "reason" => ("Motivo", "Reason"),
        "leave" => ("Permiso", "Leave"),
        "swap" => ("Cambio de turno", "Shift swap"),
        "roster_entry" => ("Día del cuadrante", "Roster day"),
        "arrived_at" => ("Llegada", "Arrival"),
        "left_at" => ("Salida", "Departure"),
        "equipment" => ("Estado de los equipos", "Equipment status"),
        "staffing" => ("Personal del turno", "Staffing"),
        "problems" => ("Problemas difíciles", "Difficult problems"),
        "handover" => ("Relevo", "Handover"),
        "title" => ("Título", "Title"),
        "body" => ("Texto", "Text"),
        "announcement" => ("Aviso", "Announcement"),
        "meeting" => ("Reunión", "Meeting"),
        "scheduled_at" => ("Fecha de la reunión", "Meeting date"),
        "minutes" => ("Acta", "Minutes"),
        "text" => ("Acuerdo", "Decision"),
        "due" => ("Fecha límite", "Due date"),
        "emergency_phone" => ("Teléfono de emergencia", "Emergency phone"),
        _ => return None,
    })
}

/// Service standards' fields (R-STD-01..R-STD-03).
fn standards_label(field: &str) -> Option<(&'static str, &'static str)> {
    Some(match field {
        "std_department" => ("Departamento", "Department"),
        "std_department_name" => ("Nombre del departamento", "Department name"),
        "std_aliases" => (
            "Otros nombres del departamento",
            "Other names of the department",
        ),
        "std_standard" => ("Estándar de servicio", "Service standard"),
        "std_threshold" => ("Umbral del estándar", "Standard's threshold"),
        "std_target" => ("Objetivo de cumplimiento", "Compliance target"),
        "std_from" => ("Fecha de inicio del estándar", "Standard's start date"),
        "std_held_by" => (
            "Departamento que tiene el contacto",
            "Department holding the contact",
        ),
        "std_audit" => ("Auditoría", "Audit"),
        "std_audit_date" => ("Fecha de la auditoría", "Audit date"),
        "std_summary" => ("Resumen de la auditoría", "Audit summary"),
        "std_finding" => ("Hallazgo", "Finding"),
        "std_evidence" => ("Evidencia del hallazgo", "Finding's evidence"),
        "std_action" => ("Acción de mejora", "Improvement action"),
        "std_action_text" => ("Acción de mejora", "Improvement action"),
        "std_action_due" => ("Fecha límite de la acción", "Action's due date"),
        "std_action_done" => ("Acción hecha", "Action done"),
        "std_verify_note" => ("Nota de la verificación", "Verification note"),
        _ => return None,
    })
}

/// Human names of the fields that messages mention.
pub(super) fn field_label(field: &str, lang: Lang) -> &'static str {
    if let Some((es, en)) = dept_label(field) {
        return pick(lang, es, en);
    }
    if let Some((es, en)) = super::refusal_visits::label(field) {
        return pick(lang, es, en);
    }
    if let Some((es, en)) = standards_label(field) {
        return pick(lang, es, en);
    }
    let (es, en) = match field {
        "name" => ("Nombre", "Name"),
        "org_name" => ("Nombre de la organización", "Organisation name"),
        "time_zone" => ("Zona horaria", "Time zone"),
        "campaign" => ("Campaña", "Campaign"),
        "script" => ("Guion de llamada", "Call script"),
        "record" => ("Registro", "Record"),
        "decision" => ("Acuerdo", "Decision"),
        "phones" => ("Teléfonos", "Phones"),
        "phone" => ("Teléfono", "Phone"),
        "email" => ("Correo electrónico", "E-mail"),
        "birthday" => ("Cumpleaños", "Birthday"),
        "card_number" => ("Número de tarjeta", "Card number"),
        "card_expiry" => ("Caducidad de la tarjeta", "Card expiry"),
        "tags" => ("Etiquetas", "Tags"),
        "quiet_hours" => ("Horas de descanso", "Quiet hours"),
        "summary" => ("Resumen", "Summary"),
        "note" => ("Nota", "Note"),
        "resolution" => ("Resolución", "Resolution"),
        "notes" => ("Notas", "Notes"),
        "team" => ("Turno / equipo", "Shift / team"),
        "received_at" => ("Recibido", "Received at"),
        "first_response_at" => ("Primera respuesta", "First response"),
        "customer" => ("Cliente", "Customer"),
        "contact" => ("Contacto", "Contact"),
        "staff" => ("Persona", "Person"),
        "complaint" => ("Queja", "Complaint"),
        "content" => ("Contenido de la queja", "Complaint content"),
        "asks" => ("Lo que pide el cliente", "What the customer asks for"),
        "founded" => ("Fundada o no", "Founded or not"),
        "department" => ("Departamento responsable", "Responsible department"),
        "severity" => ("Gravedad", "Severity"),
        "deadline" => (
            "Plazo de investigación prometido",
            "Promised investigation deadline",
        ),
        "cause" => ("Categoría de la causa", "Cause category"),
        "cause_text" => ("Causa", "Cause"),
        "responsible" => ("Persona responsable", "Responsible person"),
        "proposal" => ("Plan propuesto", "Proposed plan"),
        "plan" => ("Plan", "Plan"),
        "done" => ("Lo que se hizo", "What was done"),
        "acceptance" => ("Aceptación del cliente", "Customer acceptance"),
        "signature" => (
            "Firma o palabras del cliente",
            "Customer signature or words",
        ),
        "customer_words" => ("Palabras del cliente", "Customer's words"),
        "sanctions" => ("Sanciones", "Sanctions"),
        "improvements" => ("Acciones de mejora", "Improvement actions"),
        "reply" => ("Respuesta al cliente", "Reply to the customer"),
        "reason" => ("Motivo", "Reason"),
        "event" => ("Paso", "Step"),
        "due" => ("Fecha prevista", "Due date"),
        "matter" => ("Asunto", "Matter"),
        "description" => ("Descripción", "Description"),
        "instruction" => ("Instrucciones", "Instructions"),
        "remark" => ("Comentario de cierre", "Closing remark"),
        "escalation" => ("Escalado", "Escalation"),
        "answer_question" => ("Pregunta de la respuesta", "Answer's question"),
        "answer_text" => ("Texto de la respuesta", "Answer text"),
        "keywords" => ("Palabras clave", "Keywords"),
        "agreed_meeting" => ("Reunión que la acordó", "Meeting that agreed it"),
        "replaced_by" => ("Respuesta que la sustituye", "Answer that replaces it"),
        "qa_criteria" => ("Criterios de la ficha", "Scorecard criteria"),
        "qa_criterion_name" => ("Nombre del criterio", "Criterion name"),
        "qa_weight" => ("Peso del criterio", "Criterion weight"),
        "qa_scorecard_name" => ("Nombre de la ficha", "Scorecard name"),
        "qa_scorecard" => ("Ficha de evaluación", "Scorecard"),
        "answer" => ("Respuesta unificada", "Standard answer"),
        "qa_scores" => ("Puntuaciones", "Scores"),
        "qa_score" => (
            "Puntuación (1 a 5 o no aplica)",
            "Score (1 to 5 or not applicable)",
        ),
        "qa_causes" => (
            "Causas (solo en notas de 1 o 2)",
            "Root causes (only on scores of 1 or 2)",
        ),
        "qa_train_on" => (
            "Respuesta para formarse (solo en notas de 1 o 2)",
            "Answer to train on (only on scores of 1 or 2)",
        ),
        "qa_comment" => ("Comentario", "Comment"),
        "qa_agent" => ("Persona evaluada", "Person reviewed"),
        "qa_date" => ("Fecha de la escucha", "Review date"),
        "qa_contact" => ("Contacto escuchado", "Contact reviewed"),
        "qa_inspector" => ("Inspector de la escucha", "Review's inspector"),
        "qa_review" => ("Escucha de calidad", "Quality review"),
        "qa_reply" => (
            "Respuesta de la persona evaluada",
            "Reply of the person reviewed",
        ),
        "qa_dispute" => ("Motivo del desacuerdo", "Why you disagree"),
        "qa_ruling" => ("Resolución", "Ruling"),
        "qa_reviews_month" => ("Escuchas de este mes", "Reviews this month"),
        "qa_quota" => ("Escuchas por persona y mes", "Reviews per person and month"),
        "qa_plan" => ("Plan de formación", "Training plan"),
        "qa_plan_notes" => ("Problemas comunes", "Common problems"),
        "qa_item" => ("Acción de formación", "Training item"),
        "qa_item_text" => ("Acción de formación", "Training item"),
        "qa_item_people" => ("Personas de la acción", "People of the item"),
        "qa_item_due" => ("Fecha de la acción", "Item date"),
        "qa_report" => ("Informe mensual de calidad", "Monthly quality report"),
        "report_period" => ("Periodo del informe", "Report period"),
        "report_rows" => ("Filas del informe", "Report rows"),
        "qa_month" => ("Mes del informe", "Report month"),
        "qa_weights" => ("Pesos de la evaluación", "Evaluation weights"),
        "qa_min_reviews" => (
            "Escuchas mínimas para clasificar",
            "Reviews needed to be ranked",
        ),
        _ => ("Campo", "Field"),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}
