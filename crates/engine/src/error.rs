//! Why a scenario was rejected: always with the JSON path of the field, what is wrong with it
//! (a typed [`Problem`], never text parsed out of a parser's wording) and what is allowed.

use std::fmt;

/// A scenario that cannot be evaluated. Every variant but `Syntax` names a field.
#[derive(Debug, Clone, PartialEq)]
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
    /// The text is longer than a scenario can be; refused before parsing.
    TooLarge {
        /// Its length in bytes.
        bytes: usize,
    },
    /// One field is wrong: unknown, of the wrong type, out of range, or inconsistent.
    Field {
        /// JSON path, e.g. `traffic.gbps_per_host` or `goals[1]` ("" for the whole scenario).
        path: String,
        /// What is wrong with it.
        problem: Problem,
        /// What would be accepted, e.g. "a number from 0 to 10,000" ("" for an unknown field).
        allowed: String,
    },
}

/// What is wrong with one field.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The key is not a field of the scenario.
    UnknownField,
    /// The value has the wrong JSON type; `found` names what it is ("text", "a list", …).
    WrongType {
        /// What was found.
        found: &'static str,
    },
    /// A number outside the allowed range (also NaN and infinity).
    OutOfRange(f64),
    /// A fraction where a whole number is needed.
    NotWhole(f64),
    /// Text that is not one of the allowed values.
    UnknownValue(String),
    /// A list value given twice.
    Repeated(String),
    /// Text longer than allowed.
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// Text with a control character (a line break, an escape sequence, …).
    ControlCharacter,
    /// A range without one of its three points.
    MissingPoint(&'static str),
    /// A point of a range above the next one (`low` above `likely`, `likely` above `high`).
    Above {
        /// The point's value.
        value: f64,
        /// The point it must not exceed.
        other: &'static str,
        /// That point's value.
        other_value: f64,
    },
    /// Nothing was typed where a value is needed.
    Empty,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownField => f.write_str("is not a known field"),
            Problem::WrongType { found } => write!(f, "is {found}"),
            Problem::OutOfRange(v) => f.write_str(&describe(*v)),
            Problem::NotWhole(v) => write!(f, "is {}, not a whole number", short(*v)),
            Problem::UnknownValue(v) => write!(f, "is `{}`, not one of the values", clip(v)),
            Problem::Repeated(v) => write!(f, "repeats `{}`", clip(v)),
            Problem::TooLong { chars } => write!(f, "is too long ({chars} characters)"),
            Problem::ControlCharacter => f.write_str(
                "contains a control or invisible character (a line break, tab, escape, \
                     zero-width or direction mark, private-use character)",
            ),
            Problem::MissingPoint(p) => write!(f, "lacks `{p}`"),
            Problem::Above {
                value,
                other,
                other_value,
            } => write!(
                f,
                "is {} but {other} is {}",
                short(*value),
                short(*other_value)
            ),
            Problem::Empty => f.write_str("is empty"),
        }
    }
}

/// How a rejected number reads in a message.
fn describe(value: f64) -> String {
    if value.is_nan() {
        "is not a number (NaN)".to_owned()
    } else if value.is_infinite() {
        "is infinite".to_owned()
    } else {
        format!("is {}", short(value))
    }
}

/// A number as typed, shortened when it is huge or has many digits.
fn short(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e15 {
        let text = crate::float::shortest(v);
        if text.len() <= 24 {
            return text;
        }
    }
    crate::float::exponential(v)
}

/// Echoed text cut to a readable length; control characters shown as `?`.
pub fn clip(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| {
            if crate::format::is_unsafe_char(c) {
                '?'
            } else {
                c
            }
        })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

impl ScenarioError {
    /// A field error.
    pub fn field(path: &str, problem: Problem, allowed: impl Into<String>) -> Self {
        ScenarioError::Field {
            path: path.to_owned(),
            problem,
            allowed: allowed.into(),
        }
    }

    /// The JSON path of the offending field, if the error has one.
    pub fn path(&self) -> Option<&str> {
        match self {
            ScenarioError::Syntax { .. } | ScenarioError::TooLarge { .. } => None,
            ScenarioError::Field { path, .. } => Some(path),
        }
    }

    /// What is wrong, if a field is named.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ScenarioError::Syntax { .. } | ScenarioError::TooLarge { .. } => None,
            ScenarioError::Field { problem, .. } => Some(problem),
        }
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
                    "not valid JSON at line {line}, column {column}: {}",
                    clip(message)
                )
            }
            ScenarioError::TooLarge { bytes } => write!(
                f,
                "the scenario is {} bytes long; at most {} are read",
                crate::format::num(*bytes as f64, 0),
                crate::format::num(crate::scenario::MAX_SCENARIO_BYTES as f64, 0)
            ),
            ScenarioError::Field {
                path,
                problem,
                allowed,
            } => {
                let path = if path.is_empty() {
                    "the scenario".to_owned()
                } else {
                    clip(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_in_plain_words() {
        let e = ScenarioError::field(
            "traffic.gbps_per_host",
            Problem::OutOfRange(-5.0),
            "a number from 0 to 10,000",
        );
        assert_eq!(
            e.to_string(),
            "traffic.gbps_per_host: is -5; allowed: a number from 0 to 10,000"
        );
        assert_eq!(
            Problem::NotWhole(2.5).to_string(),
            "is 2.5, not a whole number"
        );
        assert_eq!(
            Problem::OutOfRange(f64::NAN).to_string(),
            "is not a number (NaN)"
        );
        assert_eq!(
            Problem::OutOfRange(f64::INFINITY).to_string(),
            "is infinite"
        );
        assert_eq!(Problem::OutOfRange(1e300).to_string(), "is 1e300");
        assert_eq!(Problem::WrongType { found: "text" }.to_string(), "is text");
        let e = ScenarioError::field("x", Problem::UnknownField, "");
        assert_eq!(e.to_string(), "x: is not a known field");
    }

    #[test]
    fn echoed_text_is_short_and_has_no_control_characters() {
        let long = "a".repeat(1000);
        let shown = Problem::UnknownValue(long).to_string();
        assert!(shown.chars().count() < 80, "{shown}");
        assert!(shown.contains('…'));
        let hostile = Problem::UnknownValue("\u{1b}]52;c;ZWNobw==\u{7}x".into()).to_string();
        assert!(!hostile.chars().any(char::is_control), "{hostile:?}");
        let path = format!("{}\u{1b}[2J", "k".repeat(100));
        let e = ScenarioError::field(&path, Problem::UnknownField, "");
        assert!(!e.to_string().chars().any(char::is_control));
        assert!(e.to_string().len() < 100);
    }
}
