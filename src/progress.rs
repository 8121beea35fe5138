//! How long-running stages (import, rendering) tell of their progress without printing:
//! they call a [`Progress`] the caller hands them. The command line's implementation
//! draws a progress bar on a terminal (`crate::ui`); library callers and tests pass
//! [`Silent`].

/// Receives the progress of one task at a time. Called from several threads at once.
pub trait Progress: Send + Sync {
    /// A task of `len` steps starts; `what` names it (`rendering`, `importing`).
    fn start(&self, len: usize, what: &str) {
        let _ = (len, what);
    }
    /// One step is done.
    fn tick(&self) {}
    /// The task is over (done or failed).
    fn finish(&self) {}
}

/// Progress that goes nowhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
