fn main() {
    // Printing into a closed pipe (`cargo xtask help | head`) ends the process quietly, as it
    // does for other command-line tools, instead of panicking in `println!`.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(xtask::main_with_args(&args));
}
