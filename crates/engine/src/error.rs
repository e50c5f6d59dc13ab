//! Why a scenario was rejected: always with the JSON path of the field and what is allowed.

use std::fmt;

/// A scenario that cannot be evaluated. Every variant but `Syntax` names a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the JSON parser said.
        message: String,
    },
    /// One field is wrong: unknown, of the wrong type, out of range, or inconsistent.
    Field {
        /// JSON path, e.g. `traffic.gbps_per_host` or `goals[1]`.
        path: String,
        /// What is wrong with it, e.g. "is -1".
        problem: String,
        /// What would be accepted, e.g. "a number ≥ 0 and ≤ 10,000" ("" for an unknown field).
        allowed: String,
    },
}

impl ScenarioError {
    /// A field error.
    pub fn field(path: &str, problem: impl Into<String>, allowed: impl Into<String>) -> Self {
        ScenarioError::Field {
            path: path.to_owned(),
            problem: problem.into(),
            allowed: allowed.into(),
        }
    }

    /// The JSON path of the offending field, if the error has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ScenarioError::Syntax { .. } => None,
            ScenarioError::Field { path, .. } => Some(path),
        }
    }

    /// From a decode error with its tracked path.
    pub(crate) fn from_decode(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let message = crate::scenario::strip_position(&e.inner().to_string());
        let mut path = e.path().to_string();
        if path == "." {
            path = String::new();
        }
        if let Some(field) = message.strip_prefix("unknown field `") {
            // serde reports the unknown key itself as the last path segment already.
            let name = field.split('`').next().unwrap_or_default();
            if !path.ends_with(name) {
                path = if path.is_empty() {
                    name.to_owned()
                } else {
                    format!("{path}.{name}")
                };
            }
            return ScenarioError::field(&path, "is not a known field", "");
        }
        let allowed = crate::scenario::allowed_at(&path);
        let problem = if message.starts_with("invalid type") || message.starts_with("invalid value")
        {
            message
                .split(", expected")
                .next()
                .unwrap_or(&message)
                .to_owned()
        } else if message.starts_with("unknown variant") {
            message
                .split(", expected")
                .next()
                .unwrap_or(&message)
                .replace("unknown variant", "unknown value")
        } else {
            message
        };
        if path.is_empty() {
            return ScenarioError::field("", problem, "a JSON object");
        }
        ScenarioError::field(&path, problem, allowed)
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Syntax {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {message}"
                )
            }
            ScenarioError::Field {
                path,
                problem,
                allowed,
            } => {
                let path = if path.is_empty() {
                    "the scenario"
                } else {
                    path
                };
                if allowed.is_empty() {
                    write!(f, "{path}: {problem}")
                } else {
                    write!(f, "{path}: {problem}; allowed: {allowed}")
                }
            }
        }
    }
}

impl std::error::Error for ScenarioError {}
