//! Entry point of the letters page's WebAssembly (`letters.html`; see `jardam_app::letters`).

fn main() {
    jardam_app::letters::start();
}
