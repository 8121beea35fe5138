//! What the commands print, and how: colours and progress bars on a terminal, plain
//! lines otherwise (CI logs), `--quiet` and `--verbose`.
//!
//! Set once by the binary ([`init`]); the commands ([`crate::cmd`]) print through
//! [`info`], [`detail`], [`warning`] and [`error`], and hand [`Bar`] to the stages as
//! their [`Progress`]. Nothing below the commands prints.

use std::io::IsTerminal;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use crate::progress::Progress;

/// How much to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Verbosity {
    /// Errors only (`--quiet`).
    Quiet,
    /// Errors, warnings, one line per item and a summary.
    #[default]
    Normal,
    /// Also details (`--verbose`).
    Verbose,
}

struct Settings {
    verbosity: Verbosity,
    colour: bool,
    progress: bool,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);

fn settings() -> &'static Settings {
    SETTINGS.get_or_init(|| Settings {
        verbosity: Verbosity::Normal,
        colour: false,
        progress: false,
    })
}

/// Sets how to print, once, at start. Colours and progress bars only when standard
/// error is a terminal (and `NO_COLOR` is not set, for colours).
pub fn init(verbosity: Verbosity) {
    let terminal = std::io::stderr().is_terminal();
    let _ = SETTINGS.set(Settings {
        verbosity,
        colour: terminal && std::env::var_os("NO_COLOR").is_none(),
        progress: terminal && verbosity != Verbosity::Quiet,
    });
}

/// Prints a line of normal output (not with `--quiet`).
pub fn info(line: &str) {
    if settings().verbosity >= Verbosity::Normal {
        with_bar_hidden(|| println!("{line}"));
    }
}

/// Prints a line only with `--verbose`.
pub fn detail(line: &str) {
    if settings().verbosity >= Verbosity::Verbose {
        with_bar_hidden(|| println!("{line}"));
    }
}

/// Prints `warning: <message>` to standard error (not with `--quiet`).
pub fn warning(message: &str) {
    if settings().verbosity >= Verbosity::Normal {
        let label = paint("warning:", "\x1b[1;33m");
        with_bar_hidden(|| eprintln!("{label} {message}"));
    }
}

/// Prints `error: <message>` to standard error, always.
pub fn error(message: &str) {
    let label = paint("error:", "\x1b[1;31m");
    with_bar_hidden(|| eprintln!("{label} {message}"));
}

fn paint(label: &str, code: &str) -> String {
    if settings().colour {
        format!("{code}{label}\x1b[0m")
    } else {
        label.to_string()
    }
}

fn with_bar_hidden(print: impl FnOnce()) {
    match BAR.lock().unwrap().as_ref() {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// A progress bar on standard error, shown on a terminal for tasks of many steps (200
/// or more); nothing otherwise.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bar;

impl Progress for Bar {
    fn start(&self, len: usize, what: &str) {
        start_progress(len, what);
    }
    fn tick(&self) {
        tick();
    }
    fn finish(&self) {
        finish();
    }
}

/// Starts a progress bar of `len` steps, shown on a terminal when there are many.
/// [`tick`] advances it; [`finish`] removes it.
fn start_progress(len: usize, what: &str) {
    if !settings().progress || len < 200 {
        return;
    }
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar.enable_steady_tick(Duration::from_millis(100));
    *BAR.lock().unwrap() = Some(bar);
}

/// Advances the progress bar, if one is shown.
fn tick() {
    if let Some(bar) = BAR.lock().unwrap().as_ref() {
        bar.inc(1);
    }
}

/// Removes the progress bar.
fn finish() {
    if let Some(bar) = BAR.lock().unwrap().take() {
        bar.finish_and_clear();
    }
}

/// A count with thousands separators: `1,234`.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count and a noun, in the singular or plural as the count needs:
/// `1 report`, `1,234 reports`.
pub fn counted(n: usize, singular: &str, plural: &str) -> String {
    format!("{} {}", count(n), if n == 1 { singular } else { plural })
}

/// A duration for people: `0.8 s`, `12 ms`.
pub fn duration(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_durations() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1234), "1,234");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(duration(Duration::from_millis(12)), "12 ms");
        assert_eq!(duration(Duration::from_millis(812)), "812 ms");
        assert_eq!(duration(Duration::from_millis(2450)), "2.5 s");
    }
}
