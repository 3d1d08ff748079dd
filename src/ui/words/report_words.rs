//! Words: the reports (R-REP-01, R-REP-03), the day's workload.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.
//! `{n}`, `{day}`, `{who}`, `{when}` and `{org}` are filled in by the page.

macro_rules! report_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        RepWorkload => "Carga de trabajo del día", "Daily workload";
        RepWorkloadLead => "Lo que atendió cada persona y cada equipo en un día, sacado de los contactos y las llamadas de seguimiento registrados en este dispositivo.", "What each person and team handled on a day, drawn from the contacts and return-visit calls recorded on this device.";
        RepDayNav => "Elegir el día", "Choose the day";
        RepPrevDay => "‹ Día anterior", "‹ Previous day";
        RepToday => "Hoy", "Today";
        RepNextDay => "Día siguiente ›", "Next day ›";
        RepDay => "Día", "Day";
        RepSeparator => "Separador del CSV", "CSV separator";
        RepSepSemicolon => "Punto y coma (hojas de cálculo en español)", "Semicolon (Spanish-language spreadsheets)";
        RepSepComma => "Coma (hojas de cálculo en inglés)", "Comma (English-language spreadsheets)";
        RepCsvFile => "carga-de-trabajo", "workload";
        RepCsvStarted => "CSV descargado: ábrelo con tu hoja de cálculo.", "CSV downloaded: open it with your spreadsheet.";
        RepCsvFailed => "El navegador no pudo descargar el CSV. Prueba otra vez o usa Imprimir.", "The browser could not download the CSV. Try again or use Print.";
        RepPrinted => "{org} · Carga de trabajo del {day} · Impreso por {who} el {when}", "{org} · Workload of {day} · Printed by {who} on {when}";
        RepNothing => "No hay nada registrado ese día: ni contactos ni llamadas de seguimiento. Elige otro día, o registra los contactos en Contactos.", "Nothing recorded on that day: no contacts and no return-visit calls. Choose another day, or record contacts under Contacts.";
        RepGoContacts => "Ir a Contactos", "Go to Contacts";
        RepChart => "Contactos por persona", "Contacts per person";
        RepTable => "Carga de trabajo por persona y equipo", "Workload per person and team";
        RepTableHint => "Pulsa una cifra para ver los registros que cuenta.", "Tap a figure to see the records it counts.";
        RepPerson => "Persona o equipo", "Person or team";
        RepTeam => "Equipo", "Team";
        RepNoTeam => "Sin equipo", "No team";
        RepUnknown => "Persona que ya no está en la plantilla", "Someone no longer on the staff list";
        RepTotal => "Total", "Total";
        RepContacts => "Contactos", "Contacts";
        RepOutbound => "Servicio saliente", "Outbound service";
        RepVisitCalls => "Llamadas de seguimiento", "Return-visit calls";
        RepMet => "Primera respuesta en plazo", "First response on target";
        RepLate => "Primera respuesta fuera de plazo", "First response late";
        RepMetRate => "% en plazo", "% on target";
        RepShow => "Ver los registros: {who}, {what}", "Show the records: {who}, {what}";
        RepBehind => "Registros: {who} · {what} ({n})", "Records: {who} · {what} ({n})";
        RepClose => "Cerrar la lista", "Close the list";
        RepVisitCall => "Llamada de seguimiento", "Return-visit call";
        RepDefinitions => "Qué cuenta cada cifra", "What each figure counts";
        RepDefContacts => "Contactos recibidos o hechos ese día (día del reloj de la organización), por quien los atiende, por canal y por tipo; las consultas son el tipo «Consulta».", "Contacts received or made that day (on the organisation's clock), by who owns them, by channel and by kind; enquiries are the kind \"Enquiry\".";
        RepDefOutbound => "Servicio saliente: contactos hechos al cliente más llamadas de seguimiento hechas ese día.", "Outbound service: contacts made to the customer plus return-visit calls made that day.";
        RepDefTarget => "Primera respuesta: teléfono en 3 minutos, chat y mensajería en 5. Fuera de plazo cuenta también lo que sigue sin respuesta pasado el plazo; correo, SMS y en persona no tienen plazo.", "First response: phone within 3 minutes, chat and messaging within 5. Late also counts what is still unanswered past its target; e-mail, SMS and walk-in have no target.";
        }
    };
}
