//! Words: new customer from a complaint, greetings, printing titles, file pickers, counts.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! small_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        PrintRegistrationDoc => "Hoja de registro de la queja", "Complaint registration form";
        PrintRecordDoc => "Expediente de tramitación de la queja", "Complaint handling record";
        DeptNoShiftsBelow => "Aún no hay turnos definidos. Añade el primero con el formulario de abajo.", "No shifts are defined yet. Add the first one with the form below.";
        ChooseFilesButton => "Elegir archivos…", "Choose files…";
        NoFileChosen => "Ningún archivo elegido", "No file chosen";
        }
    };
}
