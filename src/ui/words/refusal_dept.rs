//! The department's refusals in words (roster, leave, swaps, attendance,
//! meetings; R-LV-…, R-SW-…, R-OPS-…), and the names of its fields.

use super::counts::{count, Counted};
use super::labels::role_name;
use crate::domain::{Lang, RuleError};

pub(super) fn refusal(lang: Lang, e: &RuleError) -> String {
    use RuleError::*;
    let pick = |a: &str, b: &str| super::pick(lang, a, b).to_string();
    // Any area's field names (a range or a name refused outside the department too).
    let f = |field: &str| super::field_names::field_label(field, lang);
    match e {
        OutOfRange { field } => {
            let f = f(field);
            pick(&format!("{f}: el valor está fuera de lo razonable; revísalo."), &format!("{f}: that value is out of range; please check it."))
        }
        Duplicate { field } => {
            let f = f(field);
            pick(&format!("{f}: ya existe otro con ese nombre; elige otro."), &format!("{f}: another one already has this name; choose another."))
        }
        EndBeforeStart { field } => {
            let f = f(field);
            pick(&format!("{f}: no puede ser anterior al inicio; revisa las fechas u horas."), &format!("{f}: cannot be before the start; check the dates or times."))
        }
        OtherTeam => pick("Eso lo decide el líder de ese turno (o la dirección); pídeselo a esa persona.", "That is for the leader of that team (or a director); ask them."),
        Overlap { .. } => pick("Ya hay un permiso en esas fechas; cancélalo o cambia las fechas.", "There is already leave on those dates; cancel it or change the dates."),
        LeaveBySelf => pick("El permiso personal solo lo puede pedir la propia persona (R-LV-04); la baja por enfermedad sí puede registrarla otra persona.", "Personal leave can only be requested by the person themself (R-LV-04); sick leave may be entered by someone else."),
        WrongApprover { needs, days } => {
            let who = role_name(lang, *needs);
            // A leave has at least one day; a negative count reads as 0.
            let days = usize::try_from(*days).unwrap_or(0);
            let (es, en) = (count(Lang::Es, days, Counted::Days), count(Lang::En, days, Counted::Days));
            pick(
                &format!("Este permiso ({es}) lo aprueba {who} (R-LV-03: un día o menos, la dirección del departamento; más de un día o asuntos oficiales/estudios, la dirección del centro; sin saltarse niveles). Pásaselo a {who}."),
                &format!("This leave ({en}) is approved by the {who} (R-LV-03: one day or less by the department director; more, or official business/study, by the center director; no skipping levels). Pass it to the {who}."),
            )
        }
        OwnRequest => pick("No puedes decidir sobre tu propia solicitud; la decide otra persona.", "You cannot decide your own request; someone else must."),
        AlreadyDecided => pick("Esta solicitud ya está decidida o cancelada; abre una nueva si hace falta.", "This request is already decided or cancelled; make a new one if needed."),
        NoCertificateNeeded => pick("Solo la baja por enfermedad de un día completo o más necesita justificante médico (R-LV-05).", "Only sick leave of a whole day or more needs a medical certificate (R-LV-05)."),
        HolidayDuty => pick("Quien está de guardia en festivo no puede pedir permiso ni cambiar el turno (R-LV-06). Habla con tu líder.", "Staff on holiday duty cannot take leave or swap (R-LV-06). Talk to your team leader."),
        HolidayNotice => pick("El permiso en festivo se pide con dos días de antelación y con aprobación de la dirección (R-LV-06); ya es tarde para pedirlo aquí.", "Holiday leave needs two days' notice and management approval (R-LV-06); it is too late to request it here."),
        NightLeaveTooLate => pick("El permiso para un turno de noche se pide antes de las 12:00 del mismo día (R-LV-06); ahora ya no se puede. Avisa a tu líder.", "Leave from a night shift must be requested before 12:00 the same day (R-LV-06); it is too late now. Tell your team leader."),
        LeaveDuringSwap => pick("No se puede pedir permiso en un turno cambiado (R-SW-05); anula antes el cambio de turno.", "No leave during a swapped shift (R-SW-05); cancel the swap first."),
        SwapWithSelf => pick("Elige un turno de otra persona para el cambio.", "Pick another person's shift to swap with."),
        NotYourShift => pick("Ese turno no es tuyo; solo quien lo trabaja puede pedir el cambio o fichar.", "That shift is not yours; only the person working it can swap it or clock in."),
        ChainedSwap => pick("Ese turno ya está en otro cambio; no se permiten cambios encadenados (R-SW-03).", "That shift is already part of another swap; chained swaps are not allowed (R-SW-03)."),
        SwapMismatch => pick("Solo se puede cambiar el turno con alguien del mismo puesto y nivel (R-SW-04).", "Shifts can only be swapped between people of the same job type and level (R-SW-04)."),
        TooManySwaps { name } => pick(
            &format!("{name} ya tiene 2 cambios de turno este mes; el máximo es 2 por persona y mes natural (R-SW-02)."),
            &format!("{name} already has 2 swaps this month; the limit is 2 per person per calendar month (R-SW-02)."),
        ),
        ConsecutiveShifts => pick("Con este cambio alguien trabajaría dos turnos seguidos (R-SW-03); elige otro turno.", "This swap would make someone work two consecutive shifts (R-SW-03); pick another shift."),
        NotClockedIn => pick("Primero registra la llegada; después la salida.", "Record the arrival first, then the departure."),
        OwnHandover => pick("El relevo lo confirma el líder del turno siguiente, no quien lo escribió (R-OPS-02).", "The next shift's leader acknowledges the handover, not its author (R-OPS-02)."),
        _ => e.to_string(),
    }
}
