//! The commands, one per module. Each takes its options as a plain struct, prints
//! its progress to stdout and its errors to stderr, and returns an error when the
//! command failed as a whole (the binary then exits with status 1).

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod serve;
pub mod watch;
