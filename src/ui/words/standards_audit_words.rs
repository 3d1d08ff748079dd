//! Words: service standards — audits, findings and improvement actions,
//! and the area's part of Today (R-STD-03). One part of the `Key` table
//! (`words/mod.rs` joins the parts): every entry gives Spanish then
//! English, so a key without both does not compile.

macro_rules! standards_audit_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        StdAudits => "Auditorías", "Audits";
        StdAuditsLead => "Una auditoría de un departamento en una fecha: sus hallazgos, con gravedad y evidencia, y las acciones de mejora, cada una con responsable y fecha límite. El responsable la marca como hecha y quien auditó la verifica o la devuelve.", "An audit of a department on a date: its findings, with severity and evidence, and the improvement actions, each with an owner and a due date. The owner marks it done and the auditor verifies it or sends it back.";
        StdAuditsReadOnly => "Solo la dirección de un departamento o un cargo superior registra auditorías; cada responsable marca aquí sus acciones como hechas.", "Only a department director or higher records audits; each owner marks their actions done here.";
        StdNewAudit => "Registrar una auditoría", "Record an audit";
        StdAuditDept => "Departamento auditado", "Department audited";
        StdAuditDate => "Fecha de la auditoría", "Audit date";
        StdAuditSummary => "Resumen (opcional)", "Summary (optional)";
        StdSaveAudit => "Guardar la auditoría", "Save the audit";
        StdAuditSaved => "Auditoría guardada", "Audit saved";
        StdErrAuditDate => "Escribe la fecha de la auditoría.", "Enter the audit date.";
        StdAuditNeedsDept => "Para registrar una auditoría, primero añade el departamento en la página de departamentos.", "To record an audit, first add the department on the departments page.";
        StdAuditList => "Auditorías registradas", "Recorded audits";
        StdShowDept => "Mostrar el departamento", "Show department";
        StdAllDepts => "Todos los departamentos", "All departments";
        StdNoAudits => "Aún no hay auditorías.", "No audits yet.";
        StdNoAuditsDirector => "Aún no hay auditorías. Registra la primera con el formulario de arriba.", "No audits yet. Record the first one with the form above.";
        StdAuditor => "Auditado por", "Audited by";
        StdFindings => "Hallazgos", "Findings";
        StdNoFindings => "Sin hallazgos anotados.", "No findings noted.";
        StdAddFinding => "Añadir un hallazgo", "Add a finding";
        StdEvidence => "Evidencia", "Evidence";
        StdSaveFinding => "Guardar el hallazgo", "Save the finding";
        StdFindingSaved => "Hallazgo guardado", "Finding saved";
        StdActions => "Acciones de mejora", "Improvement actions";
        StdNoActions => "Sin acciones de mejora.", "No improvement actions.";
        StdAddAction => "Añadir una acción de mejora", "Add an improvement action";
        StdAction => "Acción de mejora", "Improvement action";
        StdOwnerLabel => "Responsable", "Owner";
        StdChoosePerson => "Elige a una persona", "Choose a person";
        StdChooseOwner => "Elige a la persona responsable.", "Choose the owner.";
        StdDueLabel => "Fecha límite", "Due date";
        StdErrDue => "Escribe la fecha límite.", "Enter the due date.";
        StdAnswersFinding => "Responde al hallazgo (opcional)", "Answers the finding (optional)";
        StdNoFinding => "Ninguno en concreto", "None in particular";
        StdSaveAction => "Guardar la acción", "Save the action";
        StdActionSaved => "Acción de mejora guardada", "Improvement action saved";
        StdOwner => "Responsable:", "Owner:";
        StdDue => "Fecha límite:", "Due:";
        StdOpen => "Abierta", "Open";
        StdOverdue => "Vencida", "Overdue";
        StdDoneBy => "Hecha por {who}, {when}: falta verificarla", "Done by {who}, {when}: waiting for verification";
        StdVerifiedBy => "Verificada por {who}, {when}", "Verified by {who}, {when}";
        StdMarkDone => "Marcar como hecha", "Mark as done";
        StdActionDone => "Acción marcada como hecha", "Action marked as done";
        StdVerifyNote => "Nota de la verificación", "Verification note";
        StdVerifyNoteHint => "Qué se comprobó; si la devuelves, por qué (obligatoria).", "What was checked; if you send it back, why (required).";
        StdVerify => "Verificar", "Verify";
        StdActionVerified => "Acción verificada", "Action verified";
        StdSendBack => "Devolver", "Send back";
        StdSendBackConfirm => "¿Devolver la acción a su responsable? Volverá a quedar abierta.", "Send the action back to its owner? It will be open again.";
        StdActionSentBack => "Acción devuelta a su responsable", "Action sent back to its owner";
        StdOpenActions => "Acciones de mejora abiertas", "Open improvement actions";
        StdNoOpenActions => "No hay acciones de mejora abiertas.", "No open improvement actions.";
        StdTodayMine => "Tus acciones de mejora", "Your improvement actions";
        StdTodayVerify => "Acciones por verificar", "Actions to verify";
        StdTodayOverdue => "Acciones de mejora vencidas", "Overdue improvement actions";
        }
    };
}
