//! Why the browser's storage could not be used: shared by the saved-scenarios panel, which
//! decides, and the browser layer, which reads and writes.

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// No storage in this context (private mode, blocked, sandboxed).
    Unavailable,
    /// The quota is used up.
    Full,
}
