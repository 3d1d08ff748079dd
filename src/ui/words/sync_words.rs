//! Words: Sync: export, import, conflicts, the hub, refused documents; the signature pad.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! sync_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        BackupReminder => "llevan más de 3 días sin copia: exporta desde Sincronizar.", "they have had no copy for over 3 days: export them from Sync.";
        SyncLead => "Lleva los cambios entre dispositivos con archivos (memoria USB, correo, carpeta compartida) o a través de un hub CouchDB. Cada paquete se comprueba antes de aplicar nada.", "Carry changes between devices as files (USB stick, e-mail, shared folder) or through a CouchDB hub. Every bundle is checked before anything is applied.";
        ExportTitle => "Exportar", "Export";
        PendingChanges => "Cambios sin exportar", "Changes not exported yet";
        LastExport => "Última exportación", "Last export";
        Never => "Nunca", "Never";
        ExportChanges => "Exportar cambios desde la última vez", "Export changes since last export";
        ExportEverything => "Exportar todo (instantánea)", "Export everything (snapshot)";
        NothingToExport => "No hay cambios nuevos que exportar.", "There are no new changes to export.";
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
        LookingAtHub => "Mirando qué instantáneas tiene el hub…", "Looking at the hub's snapshots…";
        NoSnapshotToJoin => "El hub no tiene ninguna instantánea válida de la que partir: este dispositivo descargará todos los cambios desde el principio (tarda más; una instantánea publicada lo acelera).", "The hub has no sound snapshot to start from: this device will fetch every change from the start (slower; a published snapshot speeds it up).";
        JoinPreviewTitle => "Vas a unirte a esto", "You are about to join this";
        JoinSnapshotDate => "Instantánea del", "Snapshot of";
        JoinRecords => "Registros", "Records";
        JoinPeople => "Personas", "People";
        JoinDevices => "Dispositivos", "Devices";
        JoinConfirm => "Unirse a esta organización", "Join this organisation";
        JoinNotConfirmed => "Los cambios guardados en el hub no confirman esta organización: comprueba el nombre antes de unirte.", "The changes stored on the hub do not confirm this organisation: check its name before joining.";
        RefusedTitle => "Rechazados", "Refused";
        RefusedExplain => "Documentos del hub que este dispositivo no aplicó, con el motivo. No se descargan de nuevo en cada sincronización; se reintentan solos cuando pueden cuadrar (una fecha adelantada, una versión nueva de la app).", "Hub documents this device did not apply, with the reason. They are not fetched again on every sync; they are retried by themselves when they may fit (a date ahead, a new version of the app).";
        RefusedDocument => "Documento", "Document";
        RefusedReason => "Motivo", "Reason";
        RefusedSince => "Desde", "Since";
        EarlierChangesPruned => "Los cambios anteriores de este dispositivo ya no se guardan aquí: todos los dispositivos que conoce los tienen. Un dispositivo al que le falten debe empezar desde una instantánea («Exportar todo»).", "This device's earlier changes are no longer kept here: every device it knows of holds them. A device that lacks them must start from a snapshot (\"Export everything\").";
        MissingBefore => "faltan aquí cambios anteriores hechos en él. Importa también sus archivos anteriores; si ya no los guarda, parte de una instantánea suya (en ese dispositivo: Sincronizar → Exportar todo) e importa aquí ese archivo.", "earlier changes made on it are not here. Import its earlier files too; if it no longer keeps them, start from a snapshot of it (on that device: Sync → Export everything) and import that file here.";
        OutboxPrunedThrough => "Cambios de este dispositivo quitados de aquí porque todos los dispositivos que conoce ya los tienen", "Changes of this device removed from here because every device it knows of holds them";
        OutboxKeptForSnapshot => "Los cambios preparados se guardan hasta que una instantánea los incluya (Sincronizar → Exportar todo, o publicar una en el hub).", "Sealed changes are kept until a snapshot includes them (Sync → Export everything, or publish one to the hub).";
        OutboxKeptForHub => "Los cambios preparados se guardan hasta que lleguen al hub.", "Sealed changes are kept until they reach the hub.";
        OutboxKeptForFiles => "Los cambios preparados se guardan hasta que un archivo de cambios los lleve (Sincronizar → Exportar cambios).", "Sealed changes are kept until a changes file carries them (Sync → Export changes).";
        OutboxKeptForPeer => "los cambios preparados se guardan aquí hasta que muestre que los tiene (importa aquí una instantánea hecha en él).", "sealed changes are kept here until it shows it holds them (import here a snapshot made on it).";
        SignatureArea => "Zona de firma: el cliente firma con el dedo o el ratón", "Signature area: the customer signs with a finger or the mouse";
        ClearSignature => "Borrar la firma", "Clear the signature";
        CustomerSignature => "Firma del cliente", "Customer's signature";
        }
    };
}
