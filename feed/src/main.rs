//! `jardam-feed check | build | keygen | verify`: see `jardam-feed help`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = jardam_feed::cli::run(&args, &|name| std::env::var(name).ok());
    std::process::exit(status);
}
