//! Words: the weekly and monthly report (R-REP-02) and the reports' own
//! navigation. One part of the `Key` table (`words/mod.rs` joins the
//! parts): every entry gives Spanish then English. `{from}`, `{to}`,
//! `{period}`, `{org}`, `{who}`, `{when}`, `{n}`, `{name}` and `{team}` are
//! filled in by the page.

macro_rules! period_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        RepAreas => "Páginas de informes", "Report pages";
        RepNavDay => "Día", "Day";
        RepNavPeriod => "Semana y mes", "Week and month";
        PerTitle => "Informe semanal y mensual", "Weekly and monthly report";
        PerLead => "Todo lo de una semana o un mes en un informe: la carga de trabajo, las reclamaciones, las visitas de seguimiento, la calidad, los estándares de servicio y la asistencia, calculado con los registros de este dispositivo.", "Everything of a week or a month in one report: workload, complaints, return visits, quality, service standards and attendance, computed from the records on this device.";
        PerNotAllowed => "Este informe lo ven los jefes de equipo, los inspectores de calidad y los directores. Tu carga del día está en Informes › Día.", "Team leaders, quality inspectors and directors see this report. Your own day is under Reports › Day.";
        PerSpan => "Periodo", "Period";
        PerWeek => "Semana", "Week";
        PerMonth => "Mes", "Month";
        PerPrev => "‹ Anterior", "‹ Previous";
        PerCurrent => "Actual", "Current";
        PerNext => "Siguiente ›", "Next ›";
        PerNav => "Elegir el periodo", "Choose the period";
        PerDayOf => "Un día del periodo", "A day in the period";
        PerWeekTitle => "Semana del {from} al {to}", "Week of {from} to {to}";
        PerMonthTitle => "{period}", "{period}";
        PerPrinted => "{org} · {period} · Impreso por {who} el {when}", "{org} · {period} · Printed by {who} on {when}";
        PerCsvFile => "informe", "report";
        PerNothing => "Nada en este periodo.", "Nothing in this period.";
        PerMore => "Ver el detalle", "See the detail";
        PerSecWorkload => "Carga de trabajo", "Workload";
        PerSecComplaints => "Reclamaciones", "Complaints";
        PerSecVisits => "Visitas de seguimiento", "Return visits";
        PerSecQuality => "Calidad", "Quality";
        PerSecStandards => "Estándares de servicio", "Service standards";
        PerSecAttendance => "Asistencia", "Attendance";
        PerRow => "Concepto", "Item";
        PerColCount => "Número", "Number";
        PerColShareOfDue => "% de las previstas", "% of those due";
        PerColReviews => "Revisiones", "Reviews";
        PerColAverage => "Nota media (%)", "Average score (%)";
        PerColStdPeriod => "Periodo del estándar", "Standard's period";
        PerColValue => "Resultado", "Result";
        PerColGoal => "Objetivo", "Target";
        PerColLight => "Estado", "Status";
        PerColShifts => "Turnos", "Shifts";
        PerColLateArrivals => "Llegadas tarde", "Late arrivals";
        PerColLeftEarly => "Salidas antes de hora", "Left early";
        PerColAbsent => "Ausencias", "Absences";
        PerColWorked => "Horas fichadas", "Hours clocked";
        PerColScheduled => "Horas de turno", "Rostered hours";
        PerRowReceived => "Recibidas", "Received";
        PerRowFounded => "Fundadas", "Founded";
        PerRowUnfounded => "Infundadas", "Unfounded";
        PerRowPending => "Sin valorar aún", "Not judged yet";
        PerRowClosed => "Cerradas", "Closed";
        PerRowCause => "Causa: {name}", "Cause: {name}";
        PerRowDue => "Previstas", "Due";
        PerRowDone => "Hechas", "Done";
        PerRowOnTime => "Hechas a tiempo (3 días)", "Done on time (3 days)";
        PerRowOutcome => "Resultado: {name}", "Outcome: {name}";
        PerRowTeam => "Equipo: {team}", "Team: {team}";
        PerPer100 => "{n} por 100", "{n} per 100";
        PerDevices => "Dispositivos cuyo trabajo incluye", "Whose devices' work it includes";
        PerDevicesLead => "El informe cuenta lo que ha llegado a este dispositivo. Lo que otro dispositivo haya hecho después de su último cambio recibido aún no está aquí: sincroniza antes para verlo todo.", "The report counts what has reached this device. What another device did after its latest change received here is not in it yet: sync first to see it all.";
        PerDeviceLine => "{name}: último cambio recibido el {when}", "{name}: latest change received on {when}";
        PerDeviceHere => "{name}: al día", "{name}: up to date";
        PerDeviceBehind => "puede faltar su trabajo desde entonces", "its work since then may be missing";
        PerDevicesLoading => "Mirando qué ha llegado de cada dispositivo…", "Checking what has arrived from each device…";
        PerIssueTitle => "Emisión", "Issue";
        PerNotIssued => "Sin emitir: al emitirlo, estas cifras quedan guardadas tal como están ahora.", "Not issued: issuing keeps these figures exactly as they are now.";
        PerIssue => "Emitir este informe", "Issue this report";
        PerIssueWho => "Lo emite un director de departamento o de centro.", "A department or centre director issues it.";
        PerIssued => "Emitido por {who} el {when}. Estas son las cifras emitidas.", "Issued by {who} on {when}. These are the issued figures.";
        PerIssuedOk => "Informe emitido.", "Report issued.";
        PerNoChange => "Nada de este periodo ha cambiado desde entonces.", "Nothing in this period has changed since.";
        PerChangedOne => "Al menos 1 registro de este periodo ha cambiado desde que se emitió (por ejemplo, llegó tarde de otro dispositivo).", "At least 1 record of this period changed since it was issued (a late sync from another device, say).";
        PerChangedMany => "Al menos {n} registros de este periodo han cambiado desde que se emitió (por ejemplo, llegaron tarde de otro dispositivo).", "At least {n} records of this period changed since it was issued (a late sync from another device, say).";
        PerReissue => "Emitir de nuevo con las cifras de hoy", "Issue again with today's figures";
        PerRowHint => "Pulsa el nombre de una fila para ver los registros que cuenta.", "Tap a row's name to see the records it counts.";
        PerBehind => "Registros: {part} · {row} ({n})", "Records: {part} · {row} ({n})";
        PerBehindIssued => "Este informe está emitido: los registros se muestran tal como están ahora y pueden no coincidir con las cifras emitidas.", "This report is issued: the records are shown as they are now and may differ from the issued figures.";
        PerReview => "Revisión de calidad", "Quality review";
        PerFirstShown => "Se muestran los primeros {shown} de {n}.", "The first {shown} of {n} are shown.";
        PerNoneBehind => "Ningún registro.", "No records.";
        PerCannotShow => "Este informe emitido viene de una versión más nueva de la aplicación y no se puede mostrar aquí. Actualiza la aplicación.", "This issued report comes from a newer version of the app and cannot be shown here. Update the app.";
        PerDefinitions => "Qué cuenta cada parte", "What each part counts";
        PerDefWorkload => "Carga de trabajo: los contactos y llamadas de seguimiento de cada día del periodo, sumados, como en el informe del día.", "Workload: each day's contacts and return-visit calls in the period, added up, as in the daily report.";
        PerDefComplaints => "Reclamaciones: las recibidas en el periodo, cómo se valoraron y por qué causa.", "Complaints: those received in the period, how they were judged and why.";
        PerDefVisits => "Visitas de seguimiento: las previstas en el periodo, hechas, a tiempo, y el último resultado de cada una.", "Return visits: those due in the period, done, on time, and each one's latest outcome.";
        PerDefQuality => "Calidad: las revisiones de contactos del periodo y la nota media de cada persona revisada.", "Quality: the contact reviews of the period and each reviewed person's average score.";
        PerDefStandards => "Estándares: cada estándar se mide en su propia semana o mes, el que contiene el último día del periodo (o hoy).", "Standards: each standard is measured over its own week or month, the one holding the period's last day (or today).";
        PerDefAttendance => "Asistencia: los turnos de cada persona en el periodo, llegadas tarde, salidas antes de hora y ausencias sin permiso, y las horas fichadas frente a las de turno.", "Attendance: each person's shifts in the period, late arrivals, early departures and absences without leave, and hours clocked against rostered hours.";
        }
    };
}
