//! The `log-codes` command: see `log_codes_cli`.

fn main() {
    std::process::exit(log_codes_cli::main_with_args(
        std::env::args_os().skip(1).collect(),
    ));
}
