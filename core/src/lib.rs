//! Platform-free logic of Jardam, tested natively with `cargo test`.
