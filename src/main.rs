//! Entry point: mounts the Leptos app in the browser. Natively it does nothing
//! (the pure core is exercised by `cargo test`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_hook();
    leptos::mount::mount_to_body(ventanilla::ui::App);
}

#[cfg(target_arch = "wasm32")]
fn console_hook() {
    // A panic should at least say why in the console instead of "unreachable".
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("Ventanilla runs in the browser: see README.md (`scripts/serve`).");
}
