//! Entry point of the WebAssembly build.

fn main() {
    jardam_app::start();
}
