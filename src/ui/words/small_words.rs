//! Words: new customer from a complaint, greetings, printing titles, file pickers, counts.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! small_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        NewCustomerInlineLead => "Para quien aún no es cliente: con el nombre y un teléfono basta; el resto se completa después en su ficha.", "For someone who is not a customer yet: a name and a phone are enough; the rest can be filled in on their file later.";
        CreateAndChoose => "Crear el cliente y elegirlo", "Create the customer and choose them";
        PickExistingInstead => "Si es esa persona, elígela en lugar de crear otro cliente:", "If it is that person, choose them instead of creating another customer:";
        NoCustomerMatches => "Ningún cliente coincide con la búsqueda.", "No customer matches the search.";
        PrintRegistrationDoc => "Hoja de registro de la queja", "Complaint registration form";
        PrintRecordDoc => "Expediente de tramitación de la queja", "Complaint handling record";
        DeptNoShiftsBelow => "Aún no hay turnos definidos. Añade el primero con el formulario de abajo.", "No shifts are defined yet. Add the first one with the form below.";
        NoComplaintsFromCustomer => "Este cliente no ha presentado quejas.", "This customer has made no complaints.";
        ChooseFilesButton => "Elegir archivos…", "Choose files…";
        NoFileChosen => "Ningún archivo elegido", "No file chosen";
        PieceLoading => "Abriendo esta sección…", "Opening this area…";
        HistoryFailed => "No se pudieron leer los registros cerrados de este dispositivo; lo demás sigue igual. Vuelve a intentarlo; si sigue fallando, recarga la página.", "The closed records on this device could not be read; nothing else changed. Try again; if it keeps failing, reload the page.";
        HistoryFailedBody => "Esta sección muestra registros cerrados, y no se pudieron leer del almacenamiento de este dispositivo. Tus datos no han cambiado.", "This area shows closed records, and they could not be read from this device's storage. Your data has not changed.";
        ReadingCustomerHistory => "Leyendo el historial de este cliente…", "Reading this customer's history…";
        PieceFailedTitle => "Esta sección no se pudo abrir", "This area could not be opened";
        PieceFailedBody => "Su parte de la aplicación no está en este dispositivo y no se pudo descargar (¿sin conexión?). El resto de la aplicación sigue funcionando y tus datos están a salvo. Vuelve a intentarlo cuando haya conexión.", "Its part of the app is not on this device and could not be downloaded (offline?). The rest of the app keeps working and your data is safe. Try again when there is a connection.";
        TryAgain => "Intentar de nuevo", "Try again";
        SyncPieceMissing => "La parte de la aplicación que sincroniza con el servidor no está en este dispositivo y no se pudo descargar (¿sin conexión?). Tus datos están a salvo; se volverá a intentar sola.", "The part of the app that syncs with the hub is not on this device and could not be downloaded (offline?). Your data is safe; it will try again by itself.";
        }
    };
}
