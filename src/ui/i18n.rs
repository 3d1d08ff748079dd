//! Every string the interface shows, in Spanish and English. The table is a
//! macro so a key without both languages does not compile, and a lookup is
//! one `match`: nothing to load, nothing to miss at run time.

use crate::domain::contact::{Category, Channel, ContactStatus, Direction};
use crate::domain::customer::{CustomerKind, PreferredChannel};
use crate::domain::staff::Role;
use crate::domain::Lang;

macro_rules! strings {
    ($($key:ident => $es:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        pub fn t(lang: Lang, key: Key) -> &'static str {
            match lang {
                Lang::Es => match key { $(Key::$key => $es),* },
                Lang::En => match key { $(Key::$key => $en),* },
            }
        }

        /// Every key, for the completeness test.
        pub const ALL_KEYS: &[Key] = &[$(Key::$key),*];
    };
}

strings! {
    AppTagline => "atención al cliente", "customer service";
    Loading => "Cargando tus datos…", "Loading your data…";
    StartFailedTitle => "No se pudo abrir el almacenamiento", "Storage could not be opened";
    StartFailedHelp => "El navegador no deja guardar datos (¿modo privado o almacenamiento bloqueado?). Abre Ventanilla en una ventana normal o permite el almacenamiento del sitio y recarga.", "The browser does not allow saving data (private mode or blocked storage?). Open Ventanilla in a normal window or allow site storage, then reload.";
    NotReady => "Todavía se están cargando los datos; inténtalo en un momento.", "Data is still loading; try again in a moment.";
    SkipToContent => "Saltar al contenido", "Skip to content";
    MainNavigation => "Navegación principal", "Main navigation";
    DarkTheme => "Tema oscuro", "Dark theme";
    LightTheme => "Tema claro", "Light theme";
    NavToday => "Hoy", "Today";
    NavCustomers => "Clientes", "Customers";
    NavContacts => "Contactos", "Contacts";
    NavComplaints => "Quejas", "Complaints";
    NavVisits => "Visitas de regreso", "Return visits";
    NavTeam => "Equipo", "Team";
    NavQuality => "Calidad", "Quality";
    NavStandards => "Estándares", "Standards";
    NavReports => "Informes", "Reports";
    NavSync => "Sincronizar", "Sync";
    NavSettings => "Ajustes", "Settings";
    NotFound => "Página no encontrada", "Page not found";
    ComingSoon => "Esta área llega en una próxima versión. Mientras tanto, todo lo demás funciona sin conexión.", "This area arrives in a coming release. Meanwhile everything else works offline.";
    BackToToday => "Volver a Hoy", "Back to Today";
    Online => "En línea", "Online";
    OfflineWorking => "Sin conexión: todo se guarda en este dispositivo", "Offline: everything is saved on this device";
    StorageEvicted => "El navegador borró los datos guardados de este sitio. Este dispositivo empieza de nuevo; importa una copia si tienes una.", "The browser erased this site's saved data. This device starts afresh; import a backup if you have one.";
    QuotaError => "No se pudo guardar: el almacenamiento del navegador está lleno. Lo que escribiste sigue en pantalla. Libera espacio (borra datos de demostración o de otros sitios) y vuelve a guardar.", "Could not save: the browser's storage is full. What you typed is still on screen. Free some space (clear demo data or other sites' data) and save again.";
    SaveFailed => "No se pudo guardar. Lo que escribiste sigue en pantalla; inténtalo de nuevo.", "Could not save. What you typed is still on screen; try again.";
    Dismiss => "Cerrar aviso", "Dismiss";
    Yes => "Sí, continuar", "Yes, go ahead";
    Cancel => "Cancelar", "Cancel";
    Save => "Guardar", "Save";
    Working => "Trabajando…", "Working…";
    Unknown => "Desconocido", "Unknown";
    WelcomeTitle => "Bienvenido a Ventanilla", "Welcome to Ventanilla";
    WelcomeLead => "El sistema del departamento de atención al cliente, en esta pestaña. Funciona sin conexión: los datos se guardan en este dispositivo.", "The customer-service department's system, in this tab. It works offline: data is kept on this device.";
    OrganisationName => "Nombre de la organización", "Organisation name";
    YourName => "Tu nombre", "Your name";
    YouWillBeDirector => "Serás la dirección del centro; después podrás añadir a tu equipo.", "You will be the center director; you can add your team afterwards.";
    StartUsing => "Empezar", "Get started";
    DataStaysHere => "Nada sale de este dispositivo hasta que tú lo exportes o sincronices.", "Nothing leaves this device until you export or sync it.";
    WhoAreYou => "¿Quién eres?", "Who are you?";
    WhoAreYouLead => "Elige tu nombre para trabajar con tu cola y tus permisos.", "Pick your name to work with your queue and your permissions.";
    ChangePerson => "Cambiar de persona", "Change person";
    Hello => "Hola", "Hello";
    NewCustomer => "Nuevo cliente", "New customer";
    EditCustomer => "Editar cliente", "Edit customer";
    RecordContact => "Registrar contacto", "Record contact";
    NothingYet => "Aún no hay clientes. Crea el primero o carga datos de demostración para explorar.", "No customers yet. Create the first one or load demo data to explore.";
    LoadDemoHint => "Cargar datos de demostración en Ajustes", "Load demo data in Settings";
    MyOpenContacts => "Mis contactos abiertos", "My open contacts";
    NoOpenContacts => "No tienes contactos abiertos. Los que aceptes aparecerán aquí hasta cerrarlos.", "You have no open contacts. The ones you accept appear here until you close them.";
    MyOverdueFirstContacts => "Primer contacto vencido", "Overdue first contacts";
    FirstContactRule => "Clientes asignados a ti hace más de 7 días sin ningún contacto (R-CUS-02).", "Customers assigned to you over 7 days ago with no contact yet (R-CUS-02).";
    NoOverdueFirstContacts => "Ningún cliente espera su primer contacto.", "No customer is waiting for a first contact.";
    AssignedOn => "Asignado el", "Assigned on";
    Overdue => "Vencido", "Overdue";
    NoSummary => "(sin resumen)", "(no summary)";
    NoCustomer => "Sin cliente", "No customer";
    TargetMet => "Respuesta a tiempo", "Answered on time";
    TargetLate => "Respuesta tardía", "Answered late";
    TargetPending => "Pendiente de respuesta", "Awaiting response";
    TargetOverdue => "Sin respuesta, fuera de plazo", "Unanswered, past target";
    NoTarget => "Sin objetivo de respuesta", "No response target";
    SearchCustomers => "Buscar clientes", "Search customers";
    SearchPlaceholder => "Nombre, teléfono, correo, tarjeta o etiqueta", "Name, phone, e-mail, card or tag";
    Of => "de", "of";
    CustomersWord => "clientes", "customers";
    CustomerList => "Lista de clientes", "Customer list";
    NoMatches => "Ningún cliente coincide. Prueba con parte del nombre, unos dígitos del teléfono o una etiqueta.", "No customer matches. Try part of the name, a few phone digits or a tag.";
    NoCustomersYet => "Aún no hay clientes.", "No customers yet.";
    CustomerNotFound => "Ese cliente no existe (o se fusionó con otro).", "That customer does not exist (or was merged into another).";
    CustomerSaved => "Cliente guardado", "Customer saved";
    FixFields => "Revisa los campos marcados.", "Please fix the marked fields.";
    PossibleDuplicate => "Posible duplicado: ya existe un cliente con este teléfono o correo.", "Possible duplicate: a customer with this phone or e-mail already exists.";
    DuplicateHelp => "Abre el existente para registrar allí el contacto, o guarda igualmente y fusiónalos después.", "Open the existing one to record the contact there, or save anyway and merge them later.";
    Name => "Nombre", "Name";
    CustomerKind => "Tipo de cliente", "Customer type";
    Phones => "Teléfonos", "Phones";
    Phone => "Teléfono", "Phone";
    Email => "Correo electrónico", "E-mail";
    PreferredChannel => "Canal preferido", "Preferred channel";
    Birthday => "Cumpleaños", "Birthday";
    CardNumber => "Número de tarjeta de socio", "Member card number";
    CardExpiry => "Caducidad de la tarjeta", "Card expiry";
    Tags => "Etiquetas", "Tags";
    QuietHours => "Horas de descanso", "Quiet hours";
    QuietHoursHint => "Rangos HH:MM-HH:MM separados por comas; por defecto 12:00-14:00, 21:00-09:00", "HH:MM-HH:MM ranges, comma separated; default 12:00-14:00, 21:00-09:00";
    Source => "Origen", "Source";
    Notes => "Notas", "Notes";
    CommaSeparated => "Separa varios con comas", "Separate several with commas";
    Preferences => "Preferencias", "Preferences";
    Language => "Idioma", "Language";
    Theme => "Tema", "Theme";
    Storage => "Almacenamiento", "Storage";
    StorageExplain => "Todo se guarda en este navegador (IndexedDB). Para no perder nada, pide almacenamiento permanente y exporta copias con regularidad.", "Everything is kept in this browser (IndexedDB). To lose nothing, ask for permanent storage and export backups regularly.";
    RecordsStored => "Registros guardados", "Records stored";
    StorageUsed => "Espacio usado / disponible", "Space used / available";
    ThisDevice => "Este dispositivo", "This device";
    KeepDataPermanently => "Pedir almacenamiento permanente", "Ask for permanent storage";
    PersistGranted => "El navegador conservará los datos aunque falte espacio.", "The browser will keep the data even when space runs low.";
    PersistRefused => "El navegador no lo concedió; exporta copias con regularidad.", "The browser did not grant it; export backups regularly.";
    SafariAdvice => "En Safari, añade Ventanilla a la pantalla de inicio: si no, Safari borra los datos tras 7 días sin uso.", "In Safari, add Ventanilla to the home screen: otherwise Safari erases its data after 7 days without use.";
    DemoData => "Datos de demostración", "Demo data";
    DemoExplain => "Carga un centro pequeño de ejemplo: personal, 200 clientes y sus contactos de los últimos 60 días. Se pueden borrar después sin tocar tus datos.", "Loads a small sample center: staff, 200 customers and their contacts over the last 60 days. It can be cleared later without touching your own data.";
    LoadDemo => "Cargar datos de demostración", "Load demo data";
    DemoLoaded => "Datos de demostración cargados.", "Demo data loaded.";
    ClearDemo => "Borrar datos de demostración", "Clear demo data";
    ClearDemoConfirm => "¿Borrar todos los registros de demostración?", "Clear every demo record?";
    DemoCleared => "Datos de demostración borrados.", "Demo data cleared.";
    BenchmarkData => "Conjunto grande para pruebas de rendimiento", "Large set for performance tests";
    BenchmarkExplain => "Sustituye los datos de este dispositivo por 20.000 clientes y 100.000 contactos generados. Solo para pruebas.", "Replaces this device's data with 20,000 customers and 100,000 generated contacts. For testing only.";
    LoadLarge => "Generar conjunto grande", "Generate large set";
    LoadLargeConfirm => "¿Sustituir los datos de este dispositivo?", "Replace this device's data?";
    LargeLoaded => "Conjunto grande generado.", "Large set generated.";
    Role => "Rol", "Role";
    Team => "Turno / equipo", "Shift / team";
    Skills => "Especialidades", "Skills";
    StaffList => "Personal", "Staff";
    TeamComing => "Cuadrante, relevos, permisos y cambios de turno llegan en una próxima versión.", "Roster, handover, leave and shift swaps arrive in a coming release.";
    AddPerson => "Añadir persona", "Add person";
    PersonAdded => "Persona añadida", "Person added";
    AnsweredNow => "Ya respondido (primera respuesta ahora)", "Already answered (first response now)";
    Assign => "Asignar", "Assign";
    AssignAutomatically => "Asignar automáticamente", "Assign automatically";
    AssignTo => "Asignar a", "Assign to";
    Assigned => "Cliente asignado", "Customer assigned";
    Category => "Categoría", "Category";
    ChangedBy => "modificado por", "changed by";
    Channel => "Canal", "Channel";
    ChooseSpecialist => "Elige especialista…", "Choose a specialist…";
    CloseContact => "Cerrar contacto", "Close contact";
    ComplaintCreated => "Queja creada y enlazada", "Complaint created and linked";
    Contact => "Contacto", "Contact";
    ContactClosed => "Contacto cerrado", "Contact closed";
    ContactNotFound => "Ese contacto no existe.", "That contact does not exist.";
    ContactRecorded => "Contacto registrado", "Contact recorded";
    ContactTimeline => "Historial de contactos", "Contact timeline";
    ContactsWord => "contactos", "contacts";
    CreatedBy => "Creado por", "Created by";
    Customer => "Cliente", "Customer";
    CustomerOptional => "Cliente (opcional): busca y elige", "Customer (optional): search and pick";
    Direction => "Dirección", "Direction";
    FirstResponse => "Primera respuesta", "First response";
    Forward => "Derivar", "Forward";
    ForwardHelp => "Quien lo aceptó sigue siendo responsable hasta cerrarlo (R-CON-01). Elige una persona o escribe el departamento.", "Whoever accepted it stays responsible until it is closed (R-CON-01). Pick a person or type the department.";
    ForwardNote => "Nota para quien lo recibe", "Note for the receiver";
    ForwardToDepartment => "Departamento", "Department";
    ForwardToPerson => "Persona (p. ej. líder de turno)", "Person (e.g. team leader)";
    Forwarded => "Contacto derivado", "Contact forwarded";
    ForwardingChain => "Cadena de derivaciones", "Forwarding chain";
    LinkedComplaint => "Convertido en queja:", "Turned into complaint:";
    MakeComplaint => "Convertir en queja", "Make this a complaint";
    MarkAnswered => "Registrar primera respuesta ahora", "Record first response now";
    MergeConfirm => "¿Fusionar? Sus contactos pasan a este cliente.", "Merge? Their contacts move to this customer.";
    MergeIntoThis => "Fusionar en este cliente", "Merge into this customer";
    Merged => "Clientes fusionados", "Customers merged";
    NoContactsYet => "Aún no hay contactos con este cliente. Registra el primero arriba.", "No contacts with this customer yet. Record the first one above.";
    NoOpenContactsAll => "No hay contactos abiertos.", "There are no open contacts.";
    NoPerson => "Ninguna persona", "No person";
    NoSpecialist => "No hay especialistas activos a quien asignar. Añade personal en Equipo.", "There is no active specialist to assign. Add staff under Team.";
    OpenContacts => "Contactos abiertos", "Open contacts";
    Owner => "Responsable", "Owner";
    ReceivedAt => "Recibido", "Received";
    RecordHistory => "Registro", "Record";
    Resolution => "Resolución", "Resolution";
    ResponseRecorded => "Primera respuesta registrada", "First response recorded";
    SaveContact => "Guardar contacto", "Save contact";
    Selected => "Elegido", "Selected";
    Specialist => "Especialista asignado", "Assigned specialist";
    Status => "Estado", "Status";
    Summary => "Resumen", "Summary";
    Unassigned => "Sin asignar", "Unassigned";
    OnlyHere => "Cambios solo en este dispositivo", "Changes only on this device";
    BackupReminder => "llevan más de 3 días sin copia: exporta desde Sincronizar.", "they have had no copy for over 3 days: export them from Sync.";
    SyncLead => "Lleva los cambios entre dispositivos con archivos (memoria USB, correo, carpeta compartida) o a través de un hub CouchDB. Cada paquete se comprueba antes de aplicar nada.", "Carry changes between devices as files (USB stick, e-mail, shared folder) or through a CouchDB hub. Every bundle is checked before anything is applied.";
    ExportTitle => "Exportar", "Export";
    PendingChanges => "Cambios sin exportar", "Changes not exported yet";
    LastExport => "Última exportación", "Last export";
    Never => "Nunca", "Never";
    ExportChanges => "Exportar cambios desde la última vez", "Export changes since last export";
    ExportEverything => "Exportar todo (instantánea)", "Export everything (snapshot)";
    NothingToExport => "No hay cambios nuevos que exportar.", "There are no new changes to export.";
    FilesExported => "archivo(s) descargado(s). Guárdalos o envíalos al otro dispositivo.", "file(s) downloaded. Keep them or send them to the other device.";
    ImportTitle => "Importar", "Import";
    ChooseFiles => "Elige uno o varios archivos de Ventanilla", "Choose one or more Ventanilla files";
    DropHint => "…o arrástralos aquí.", "…or drop them here.";
    ImportPreview => "Contenido antes de aplicar", "Contents before applying";
    File => "Archivo", "File";
    Changes => "Cambios", "Changes";
    DateRange => "Fechas", "Dates";
    AlreadyImported => "ya importado", "already imported";
    ApplyImport => "Aplicar todo", "Apply all";
    FixRefusedFirst => "Algún archivo fue rechazado: quítalo o consigue uno sano antes de aplicar.", "A file was refused: remove it or get a sound copy before applying.";
    RecordsUpdated => "registros actualizados.", "records updated.";
    ConflictsTitle => "Conflictos", "Conflicts";
    ConflictsExplain => "Valores que perdieron frente a una edición simultánea en otro dispositivo. Nada se pierde: puedes restaurarlos.", "Values that lost to a simultaneous edit on another device. Nothing is lost: you can restore them.";
    NoConflicts => "No hay conflictos pendientes.", "There are no conflicts to review.";
    Record => "Registro", "Record";
    FieldName => "Campo", "Field";
    CurrentValue => "Valor actual", "Current value";
    LostValue => "Valor perdido", "Lost value";
    WhenWho => "Cuándo y dónde", "When and where";
    Actions => "Acciones", "Actions";
    RestoreValue => "Restaurar este valor", "Restore this value";
    DismissConflict => "Descartar", "Dismiss";
    ValueRestored => "Valor restaurado", "Value restored";
    HubTitle => "Hub CouchDB", "CouchDB hub";
    HubExplain => "Con un servidor CouchDB, los dispositivos se sincronizan solos cada pocos minutos cuando hay conexión. Sin conexión, todo sigue funcionando y se envía después.", "With a CouchDB server, devices sync by themselves every few minutes while online. Offline, everything keeps working and is sent later.";
    HubUrl => "Dirección de la base de datos", "Database address";
    HubUrlHint => "Por ejemplo https://servidor:5984/ventanilla", "For example https://server:5984/ventanilla";
    HubAuth => "Inicio de sesión", "Sign-in";
    HubAuthBasic => "Usuario y contraseña (se guardan en este dispositivo)", "User and password (kept on this device)";
    HubAuthCookie => "Sesión por cookie (la contraseña no se guarda)", "Cookie session (the password is not kept)";
    HubUser => "Usuario", "User";
    HubPassword => "Contraseña", "Password";
    HubAuto => "Sincronizar automáticamente cada 3 minutos", "Sync automatically every 3 minutes";
    HubSaveConnect => "Guardar y conectar", "Save and connect";
    HubConnected => "Conectado al hub.", "Connected to the hub.";
    HubForgotten => "Este dispositivo ya no usa el hub. Los datos locales siguen aquí.", "This device no longer uses the hub. Local data stays here.";
    ForgetHub => "Dejar de usar el hub", "Stop using the hub";
    SyncNow => "Sincronizar ahora", "Sync now";
    Syncing => "Sincronizando…", "Syncing…";
    PublishSnapshot => "Publicar instantánea", "Publish snapshot";
    SnapshotPublished => "Instantánea publicada: un dispositivo nuevo puede empezar desde ella.", "Snapshot published: a new device can start from it.";
    LastSync => "Última sincronización", "Last sync";
    LastResult => "Resultado", "Result";
    OtherTabSyncing => "Otra pestaña está sincronizando ahora.", "Another tab is syncing right now.";
    JoinFromHub => "Unirse desde un hub CouchDB", "Join from a CouchDB hub";
    JoinFromHubButton => "Unirse y descargar los datos", "Join and download the data";
    Joining => "Descargando la última instantánea…", "Downloading the latest snapshot…";
    Joined => "Listo: este dispositivo tiene los datos del hub. Elige quién eres.", "Done: this device has the hub's data. Pick who you are.";
    LastCopy => "Última copia", "Last copy";
    SyncProblem => "Sincronización", "Sync";
    SignatureArea => "Zona de firma: el cliente firma con el dedo o el ratón", "Signature area: the customer signs with a finger or the mouse";
    ClearSignature => "Borrar la firma", "Clear the signature";
    CustomerSignature => "Firma del cliente", "Customer's signature";
    NavDepartment => "Turnos y permisos", "Shifts and leave";
    NavEscalations => "Escalados", "Escalations";
    ComplaintsLead => "Cada queja recorre seis etapas: aceptación, valoración, investigación, elección del plan, ejecución y evaluación. Ninguna se pierde por el camino.", "Each complaint goes through six stages: accepted, judged, investigated, plan chosen, implemented and evaluated. None is lost on the way.";
    NewComplaint => "Nueva queja", "New complaint";
    ComplaintStats => "Estadísticas", "Statistics";
    FilterStage => "Etapa", "Stage";
    AnyStage => "Todas las etapas", "Every stage";
    FilterStatus => "Estado", "Status";
    AnyStatus => "Abiertas y cerradas", "Open and closed";
    StatusOpen => "Abiertas", "Open";
    StatusClosed => "Cerradas", "Closed";
    OverdueOnly => "Solo con el plazo vencido", "Overdue only";
    SeverityLabel => "Gravedad", "Severity";
    AnySeverity => "Cualquier gravedad", "Any severity";
    DepartmentLabel => "Departamento", "Department";
    AssigneeLabel => "Responsable", "Owner";
    Anyone => "Cualquiera", "Anyone";
    FromDate => "Desde", "From";
    ToDate => "Hasta", "To";
    SearchComplaints => "Buscar quejas", "Search complaints";
    NoComplaints => "Ninguna queja coincide con estos filtros.", "No complaint matches these filters.";
    NoComplaintsYet => "Todavía no hay quejas. Regístralas aquí o conviértelas desde un contacto.", "No complaints yet. Register one here or turn a contact into one.";
    ComplaintList => "Lista de quejas", "Complaint list";
    OverdueBadge => "Plazo vencido", "Overdue";
    ClosedBadge => "Cerrada", "Closed";
    DeadlineLabel => "Plazo prometido", "Promised deadline";
    RegisterComplaint => "Registrar la queja", "Register the complaint";
    ComplaintContent => "Contenido de la queja", "What the complaint is about";
    CustomerAsks => "Qué pide el cliente", "What the customer asks for";
    Complainant => "Cliente que se queja", "Complainant";
    ComplaintRegistered => "Queja registrada.", "Complaint registered.";
    ComplaintOf => "Queja de", "Complaint from";
    RegistrationTitle => "Registro (etapa 1)", "Registration (stage 1)";
    ReceivedLabel => "Recibida", "Received";
    CurrentStage => "Etapa", "Stage";
    JudgeTitle => "Valoración (etapa 2)", "Judgement (stage 2)";
    FoundedQuestion => "¿Es fundada?", "Is it founded?";
    FoundedYes => "Fundada", "Founded";
    FoundedNo => "No fundada", "Unfounded";
    ResponsibleDepartment => "Departamento responsable", "Responsible department";
    PromisedDeadline => "Plazo de investigación prometido al cliente", "Investigation deadline promised to the customer";
    SaveJudgement => "Guardar la valoración", "Save the judgement";
    ReplyTitle => "Respuesta al cliente (cierra una queja no fundada)", "Reply to the customer (closes an unfounded complaint)";
    ReplyLabel => "Respuesta dada al cliente", "Reply given to the customer";
    SaveReply => "Registrar la respuesta y cerrar", "Record the reply and close";
    InvestigateTitle => "Investigación (etapa 3)", "Investigation (stage 3)";
    CauseCategory => "Categoría de la causa", "Cause category";
    CauseText => "Causa", "Cause";
    ResponsiblePerson => "Persona responsable", "Responsible person";
    SaveInvestigation => "Guardar la investigación", "Save the investigation";
    PlansTitle => "Planes de tratamiento (etapa 4)", "Handling plans (stage 4)";
    ProposalLabel => "Propuesta de plan", "Proposed plan";
    ProposePlan => "Proponer este plan", "Propose this plan";
    ChooseThisPlan => "Elegir este plan", "Choose this plan";
    ChosenPlan => "Plan elegido", "Chosen plan";
    NoPlansYet => "Todavía no hay propuestas: cualquiera puede proponer; dirección elige.", "No proposals yet: anyone can propose; a director chooses.";
    ImplementTitle => "Ejecución (etapa 5)", "Implementation (stage 5)";
    WhatWasDone => "Qué se hizo", "What was done";
    CustomerAcceptance => "Aceptación del cliente", "Customer's acceptance";
    SignatureHint => "El cliente firma aquí, o escribe abajo sus palabras.", "The customer signs here, or type their words below.";
    CustomerWords => "Palabras del cliente", "The customer's words";
    Sanctions => "Sanciones a los responsables (si las hay)", "Sanctions for those responsible (if any)";
    SaveImplementation => "Guardar la ejecución", "Save the implementation";
    EvaluateTitle => "Evaluación (etapa 6)", "Evaluation (stage 6)";
    Improvements => "Acciones de mejora", "Improvement actions";
    SaveEvaluation => "Evaluar y cerrar la queja", "Evaluate and close the complaint";
    ReopenTitle => "Reabrir (vuelve una etapa atrás)", "Reopen (goes back one stage)";
    ReopenReason => "Motivo para reabrir", "Reason to reopen";
    Reopen => "Reabrir", "Reopen";
    ComplaintTimeline => "Historial de la queja", "Complaint history";
    Overruled => "anulado", "set aside";
    StepConflicts => "Pasos en conflicto", "Conflicting steps";
    StepConflictsExplain => "Dos dispositivos hicieron pasos incompatibles sin conexión. Nada se ha perdido: dirección elige cuál vale.", "Two devices made incompatible steps while offline. Nothing is lost: a director picks the one that stands.";
    KeepThis => "Mantener este", "Keep this one";
    DiscardAll => "Descartar todos", "Set all aside";
    ReturnVisitDue => "Visita de regreso prevista", "Return visit due";
    ClosedOnLabel => "Cerrada el", "Closed on";
    PrintRegistration => "Imprimir el registro", "Print the registration form";
    PrintRecord => "Imprimir el expediente", "Print the handling record";
    PrintNow => "Imprimir", "Print";
    StepSaved => "Paso guardado.", "Step saved.";
    OriginContacts => "Contactos de origen", "Originating contacts";
    NoneYet => "—", "—";
    ClosedComplaint => "Queja cerrada.", "Complaint closed.";
    NextStepIs => "Siguiente paso", "Next step";
    NoComplaintsInPeriod => "No hay quejas recibidas en este periodo: elige otras fechas.", "No complaints were received in this period: choose other dates.";
    StatsTitle => "Estadísticas de quejas", "Complaint statistics";
    StatsTotal => "Quejas en el periodo", "Complaints in the period";
    StatsFounded => "Fundadas", "Founded";
    StatsUnfounded => "No fundadas", "Unfounded";
    StatsPending => "Sin valorar", "Not judged yet";
    StatsClosed => "Cerradas", "Closed";
    ByCause => "Por categoría de causa", "By cause category";
    ByDepartment => "Por departamento", "By department";
    BySeverity => "Por gravedad", "By severity";
    MeanStageTime => "Tiempo medio en cada etapa", "Mean time in each stage";
    CountLabel => "Número", "Count";
    MeanTime => "Tiempo medio", "Mean time";
    MyOverdueComplaints => "Quejas con el plazo vencido", "Complaints past their deadline";
    SeriousComplaints => "Quejas graves abiertas", "Open serious complaints";
    ConflictedComplaints => "Quejas con pasos en conflicto", "Complaints with conflicting steps";
    MyEscalations => "Asuntos escalados que tengo", "Escalated matters I hold";
    EscalationNotices => "Te saltaron en una emergencia: date por enterado", "You were skipped in an emergency: acknowledge";
    EscalationsLead => "Lo que hay que comunicar de inmediato sube un nivel cada vez; en una emergencia se puede saltar un nivel y se avisa después a quien se saltó.", "What must be reported at once goes up one level at a time; in an emergency a level may be skipped, and the skipped person is told afterwards.";
    RaiseEscalation => "Escalar un asunto", "Escalate a matter";
    MatterLabel => "Asunto", "Matter";
    DescriptionLabel => "Qué ha pasado", "What happened";
    EmergencySkip => "Emergencia: saltar un nivel (se avisará a quien se salte)", "Emergency: skip a level (the skipped person is told)";
    SendToRole => "Enviar a", "Send to";
    NextLevel => "El siguiente nivel", "The next level";
    RaiseButton => "Escalar", "Escalate";
    EscalationRaised => "Asunto escalado.", "Matter escalated.";
    InstructionLabel => "Instrucción", "Instruction";
    GiveInstruction => "Registrar la instrucción", "Record the instruction";
    EscalateFurther => "Subir al siguiente nivel", "Pass up to the next level";
    AcknowledgeButton => "Enterado", "Acknowledge";
    CloseMatter => "Cerrar el asunto", "Close the matter";
    HolderLabel => "Lo tiene ahora", "Held by";
    ChainTitle => "Cadena", "Chain";
    NoEscalations => "No hay asuntos escalados.", "No escalated matters.";
    EscalationList => "Asuntos escalados", "Escalated matters";
    OpenLabel => "Abierto", "Open";
    NotePlaceholder => "Nota (opcional)", "Note (optional)";
    JoinTitle => "¿Ya trabajáis con Ventanilla en otro dispositivo?", "Already using Ventanilla on another device?";
    JoinExplain => "Importa una instantánea exportada allí (Sincronizar → Exportar todo) y este dispositivo empieza con los mismos datos.", "Import a snapshot exported there (Sync → Export everything) and this device starts with the same data.";

    // Return visits (issue 5).
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
    ScriptsLead => "Los guiones admiten {customer}, {agent}, {reason} y {org}.", "Scripts accept {customer}, {agent}, {reason} and {org}.";
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

    // Department (issue 6).
}

/// A role as a label: the domain's name for it (used mid-sentence in its
/// messages), capitalised.
pub fn role_label(lang: Lang, role: Role) -> String {
    let name = role.label(lang);
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn kind_label(lang: Lang, kind: CustomerKind) -> &'static str {
    match (lang, kind) {
        (Lang::Es, CustomerKind::Member) => "Socio",
        (Lang::En, CustomerKind::Member) => "Member",
        (Lang::Es, CustomerKind::Individual) => "Particular",
        (Lang::En, CustomerKind::Individual) => "Individual",
        (Lang::Es, CustomerKind::Group) => "Empresa / grupo",
        (Lang::En, CustomerKind::Group) => "Group",
        (Lang::Es, CustomerKind::Potential) => "Potencial",
        (Lang::En, CustomerKind::Potential) => "Potential",
    }
}

pub fn preferred_label(lang: Lang, c: PreferredChannel) -> &'static str {
    match (lang, c) {
        (Lang::Es, PreferredChannel::Phone) => "Teléfono",
        (Lang::En, PreferredChannel::Phone) => "Phone",
        (Lang::Es, PreferredChannel::Email) => "Correo electrónico",
        (Lang::En, PreferredChannel::Email) => "E-mail",
        (Lang::Es, PreferredChannel::Sms) => "SMS",
        (Lang::En, PreferredChannel::Sms) => "SMS",
        (Lang::Es, PreferredChannel::Chat) => "Chat / mensajería",
        (Lang::En, PreferredChannel::Chat) => "Chat / messaging",
    }
}

pub fn channel_label(lang: Lang, c: Channel) -> &'static str {
    match (lang, c) {
        (Lang::Es, Channel::Phone) => "Teléfono",
        (Lang::En, Channel::Phone) => "Phone",
        (Lang::Es, Channel::Email) => "Correo",
        (Lang::En, Channel::Email) => "E-mail",
        (Lang::Es, Channel::Sms) => "SMS",
        (Lang::En, Channel::Sms) => "SMS",
        (Lang::Es, Channel::OnlineChat) => "Chat en línea",
        (Lang::En, Channel::OnlineChat) => "Online chat",
        (Lang::Es, Channel::Messaging) => "App de mensajería",
        (Lang::En, Channel::Messaging) => "Messaging app",
        (Lang::Es, Channel::WalkIn) => "En persona",
        (Lang::En, Channel::WalkIn) => "Walk-in",
    }
}

pub fn direction_label(lang: Lang, d: Direction) -> &'static str {
    match (lang, d) {
        (Lang::Es, Direction::In) => "Entrante",
        (Lang::En, Direction::In) => "Inbound",
        (Lang::Es, Direction::Out) => "Saliente",
        (Lang::En, Direction::Out) => "Outbound",
    }
}

pub fn category_label(lang: Lang, c: Category) -> &'static str {
    match (lang, c) {
        (Lang::Es, Category::Enquiry) => "Consulta",
        (Lang::En, Category::Enquiry) => "Enquiry",
        (Lang::Es, Category::Order) => "Pedido",
        (Lang::En, Category::Order) => "Order",
        (Lang::Es, Category::GoodsInspection) => "Revisión de mercancía",
        (Lang::En, Category::GoodsInspection) => "Goods inspection",
        (Lang::Es, Category::Claim) => "Reclamación",
        (Lang::En, Category::Claim) => "Claim",
        (Lang::Es, Category::Complaint) => "Queja",
        (Lang::En, Category::Complaint) => "Complaint",
        (Lang::Es, Category::Suggestion) => "Sugerencia",
        (Lang::En, Category::Suggestion) => "Suggestion",
        (Lang::Es, Category::AfterSales) => "Posventa",
        (Lang::En, Category::AfterSales) => "After-sales",
    }
}

pub fn status_label(lang: Lang, s: ContactStatus) -> &'static str {
    match (lang, s) {
        (Lang::Es, ContactStatus::Open) => "Abierto",
        (Lang::En, ContactStatus::Open) => "Open",
        (Lang::Es, ContactStatus::Forwarded) => "Derivado",
        (Lang::En, ContactStatus::Forwarded) => "Forwarded",
        (Lang::Es, ContactStatus::Done) => "Cerrado",
        (Lang::En, ContactStatus::Done) => "Done",
    }
}
