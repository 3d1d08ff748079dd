//! Words: Return visits (R-RV-…).
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! visit_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        // Return visits.
        VisitsLead => "Una omisión, tres garantías: cada visita de regreso se hace a tiempo, fuera de las horas de descanso del cliente, y queda completa.", "One avoidance, three guarantees: every return visit is made on time, outside the customer's quiet hours, and recorded completely.";
        MyCallQueue => "Mi cola de llamadas", "My call queue";
        NoVisitsDue => "No tienes visitas pendientes hoy. Las nuevas aparecen solas (visitas a tienda, quejas cerradas, socios, cumpleaños, tarjetas, campañas).", "No visits due for you today. New ones appear by themselves (store visits, closed complaints, members, birthdays, cards, campaigns).";
        CallableNow => "Se puede llamar ahora", "Can be called now";
        QuietUntil => "Horas de descanso hasta", "Quiet hours until";
        AttemptsLabel => "Intentos", "Attempts";
        DueOn => "Vence", "Due";
        OpenCall => "Abrir la llamada", "Open the call";
        AllOpenVisits => "Visitas abiertas del equipo", "The team's open visits";
        ReassignTo => "Reasignar a", "Reassign to";
        Balance => "Repartir por carga", "Spread by load";
        ReassignSelected => "Reasignar las marcadas", "Reassign the marked ones";
        Reassigned => "Visitas reasignadas.", "Visits reassigned.";
        SelectVisit => "Marcar", "Mark";
        CampaignsTitle => "Campañas", "Campaigns";
        SummaryTitle => "Resumen de visitas de regreso", "Return-visit summary";
        ScriptsTitle => "Guiones de llamada", "Call scripts";
        CallTitle => "Llamada de seguimiento", "Follow-up call";
        ReasonLabel => "Motivo", "Reason";
        CallNumber => "Llamar", "Call";
        WriteEmail => "Escribir un correo", "Write an e-mail";
        SendSms => "Enviar un SMS", "Send an SMS";
        QuietWarning => "Ahora son horas de descanso de este cliente. Para llamar igualmente, escribe el motivo.", "It is this customer's quiet hours now. To call anyway, write the reason.";
        QuietOverride => "Motivo para llamar en horas de descanso", "Reason to call during quiet hours";
        ScriptTitle => "Guion", "Script";
        AnswerLabel => "Respuesta del cliente", "The customer's answer";
        MethodLabel => "Medio", "Method";
        UnhappyWith => "Qué no le ha gustado (sus palabras)", "What they are unhappy with (their words)";
        SuggestionsLabel => "Sugerencias", "Suggestions";
        CallbackAt => "Volver a llamar el", "Call back at";
        ReplyPromisedBy => "Respuesta prometida para el", "Reply promised by";
        ReplyAbout => "Qué hay que responderle", "What to answer";
        SaveCall => "Guardar la llamada", "Save the call";
        CallSaved => "Llamada guardada.", "Call saved.";
        RaiseSuggestion => "Registrar como sugerencia", "Record as a suggestion";
        RaiseComplaint => "Convertir en queja", "Turn into a complaint";
        RaisedDone => "Registrado y enlazado a la visita.", "Recorded and linked to the visit.";
        VisitDoneLabel => "Visita completada", "Visit completed";
        NewCampaign => "Nueva campaña", "New campaign";
        CampaignName => "Nombre de la campaña", "Campaign name";
        CampaignReasonLabel => "Tipo", "Kind";
        SegmentTag => "Etiqueta de los clientes", "Customers' tag";
        StartsOn => "Empieza", "Starts";
        EndsOn => "Termina", "Ends";
        CreateCampaign => "Crear la campaña", "Create the campaign";
        CampaignCreated => "Campaña creada: sus visitas aparecen en las colas.", "Campaign created: its visits appear in the queues.";
        NoCampaigns => "No hay campañas. Un jefe de equipo puede crear una para un segmento (festividad, aniversario, promoción).", "No campaigns. A team leader can create one for a segment (holiday, anniversary, promotion).";
        VisitsDue => "Visitas que vencían", "Visits due";
        VisitsDone => "Hechas", "Done";
        CompletionRate => "Tasa de realización", "Completion rate";
        OnTimeRate => "A tiempo", "On time";
        OutcomeDistribution => "Resultados", "Outcomes";
        TopSuggestions => "Palabras más repetidas en las sugerencias", "Most frequent words in suggestions";
        DissatisfiedCustomers => "Clientes insatisfechos y lo que dijeron", "Dissatisfied customers and what they said";
        MemberCoverage => "Cobertura de socios", "Member coverage";
        MembersWithoutVisit => "Socios sin visita en el periodo", "Members without a visit in the period";
        DownloadCsv => "Descargar CSV", "Download CSV";
        NoVisitsInPeriod => "No vencía ninguna visita en este periodo: elige otras fechas.", "No visits fell due in this period: choose other dates.";
        SaveScript => "Guardar el guion", "Save the script";
        ScriptSaved => "Guion guardado.", "Script saved.";
        ScriptsLead => "Los guiones admiten {greeting} (buenos días, buenas tardes o buenas noches según la hora), {customer}, {agent}, {reason} y {org}.", "Scripts accept {greeting} (good morning, afternoon or evening by the time of day), {customer}, {agent}, {reason} and {org}.";
        Opening => "Saludo", "Opening";
        Question => "Pregunta", "Question";
        IfSatisfied => "Si está satisfecho", "If satisfied";
        IfNotSatisfied => "Si no está satisfecho", "If not satisfied";
        Closing => "Despedida", "Closing";
        RecordStoreVisit => "Registrar visita a tienda hoy", "Record a store visit today";
        StoreVisitRecorded => "Visita a tienda registrada: mañana vence su visita de regreso.", "Store visit recorded: its return visit falls due tomorrow.";
        MyVisitsDue => "Mis visitas de regreso", "My return visits";
        MyOverdueVisits => "Visitas de regreso vencidas (más de 3 días)", "Overdue return visits (over 3 days)";
        MyTasks => "Respuestas prometidas", "Replies promised";
        TaskDone => "Hecho", "Done";
        }
    };
}
