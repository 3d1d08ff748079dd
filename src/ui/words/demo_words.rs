//! Words: the demonstration data.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! demo_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        DemoExplain => "Carga un mes reciente de un centro pequeño de ejemplo, escrito en el idioma de la pantalla: personal y turnos, 150 clientes con sus contactos, reclamaciones en cada etapa, escalados, visitas de seguimiento, permisos, cambios de turno, reuniones, 30 respuestas estándar y dos meses de inspección de calidad. Se puede borrar después sin tocar tus datos.", "Loads a recent month of a small sample center, written in the language on screen: staff and shifts, 150 customers and their contacts, complaints at every stage, escalations, return visits, leave, shift swaps, meetings, 30 standard answers and two months of quality reviews. It can be cleared later without touching your own data.";
        DemoNeedsDirector => "No se cargó nada: la demostración contrata a su personal a través de un director del centro activo, y no hay ninguno.", "Nothing was loaded: the demo hires its staff through an active center director, and there is none.";
        }
    };
}
