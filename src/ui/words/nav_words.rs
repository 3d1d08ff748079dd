//! Words: navigation, the header and the screenshots' fixes.
//! One part of the `Key` table (`words/mod.rs` joins the parts): every
//! entry gives Spanish then English, so a key without both does not compile.

macro_rules! nav_words {
    ([$($rest:ident),*] $($acc:tt)*) => {
        chain! { [$($rest),*] $($acc)*
        NavGroupWork => "Mi trabajo", "My work";
        NavGroupCases => "Casos", "Cases";
        NavGroupDepartment => "Departamento", "Department";
        NavGroupDevice => "Dispositivo", "Device";
        NavMenu => "Menú", "Menu";
        }
    };
}
