//! Entry point of the web page: Trunk builds this binary for wasm32 and it mounts the Yew app.

#[cfg(target_arch = "wasm32")]
fn main() {
    fjindex_web::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "fjindex-web is the browser entry point; build it with `trunk build` (see README.md)."
    );
    std::process::exit(2);
}
