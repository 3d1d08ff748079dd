//! Words: device names, conflicts in people's words, the rules handbook, swap agreements.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! handbook_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        DeviceName => "Nombre de este dispositivo", "Name of this device";
        DeviceNameHint => "Un nombre que todos reconozcan, p. ej. «Tablet mostrador». Los demás dispositivos lo verán en las importaciones y los conflictos.", "A name everyone recognises, e.g. \"Counter tablet\". Other devices see it in imports and conflicts.";
        DeviceNameOptional => "Nombre de este dispositivo (opcional)", "Name of this device (optional)";
        SaveDeviceName => "Guardar el nombre", "Save the name";
        DeviceNameSaved => "Nombre del dispositivo guardado", "Device name saved";
        DeviceUnnamed => "Dispositivo sin nombre", "Unnamed device";
        DeviceFirstSeen => "visto por primera vez el", "first seen";
        DeviceThisOne => "este dispositivo", "this device";
        NameThisDevice => "Ponle nombre a este dispositivo", "Name this device";
        NameThisDeviceWhy => "Este dispositivo aún no tiene nombre. Con uno, los demás sabrán de dónde vienen los cambios y los conflictos.", "This device has no name yet. With one, the others can tell where changes and conflicts come from.";
        FromDevice => "Dispositivo de origen", "From device";
        DeviceTechnical => "Datos técnicos para el hub", "Technical details for the hub";
        DeviceAccount => "Nombre de cuenta de este dispositivo en CouchDB (si cada dispositivo tiene la suya):", "This device's CouchDB account name (when each device has its own):";
        RefusedChanges => "Cambios de {device}, desde el n.º {n}", "Changes from {device}, from no. {n}";
        RefusedSnapshot => "Instantánea de {device}, parte {n}", "Snapshot from {device}, part {n}";
        RefusedOther => "Un documento que no es de Ventanilla", "A document that is not Ventanilla's";
        OtherDetail => "Otro dato", "Other detail";
        ValueYes => "Sí", "Yes";
        ValueNo => "No", "No";
        ValueEmpty => "(vacío)", "(empty)";
        ValueSignature => "(firma)", "(signature)";
        ValueOtherRecord => "(un registro que no está en este dispositivo)", "(a record not on this device)";
        Handbook => "Manual de normas", "Rules handbook";
        HandbookLead => "Las normas que sigue Ventanilla, las mismas para todo el departamento. Cuando la aplicación rechaza algo, enlaza aquí la norma que aplica.", "The rules Ventanilla follows, the same for the whole department. When the app refuses something, it links here to the rule it applies.";
        HandbookContents => "Índice", "Contents";
        OpenHandbook => "Leer el manual de normas", "Read the rules handbook";
        HandbookHelp => "Qué hace cada función, los plazos y por qué se rechaza algo.", "What each role does, the deadlines, and why something is refused.";
        RuleLinkTitle => "Leer la norma en el manual (se abre en otra pestaña)", "Read the rule in the handbook (opens in a new tab)";
        SwapAgreed => "Conforme", "Agreed";
        SwapWaitingFor => "Falta", "Waiting for";
        SwapRoleColleague => "compañero/a del cambio", "colleague";
        SwapYourLeader => "tu líder de turno", "your team leader";
        SwapLeaderOf => "líder de turno de {name}", "{name}'s team leader";
        SwapLeaderOfBoth => "líder de turno de ambos", "team leader of both";
        SwapNoLeader => "la dirección, porque nadie dirige el equipo {team}", "a director, as nobody leads team {team}";
        SwapOr => " o ", " or ";
        }
    };
}
