//! Older scenario formats, brought up to the current `schema` before decoding.
//!
//! Each entry of [`MIGRATIONS`] turns schema `n` into `n + 1` on the raw JSON, so that a
//! saved file or link from any earlier version keeps loading and no field is dropped. There
//! is only schema 1 so far; the chain is where schema 2 will add its step.

use crate::json::Value;

use crate::error::{Problem, ScenarioError};
use crate::scenario::SCHEMA;

/// Steps from schema `i + 1` to `i + 2`, in order. Empty while only schema 1 exists.
const MIGRATIONS: &[fn(Value) -> Value] = &[];

/// Brings a scenario of any supported schema to [`SCHEMA`]; a missing `schema` means current.
pub fn migrate(mut value: Value) -> Result<Value, ScenarioError> {
    let Value::Object(map) = &value else {
        return Err(ScenarioError::field(
            "",
            Problem::WrongType {
                found: "not a JSON object",
            },
            "a JSON object such as {}",
        ));
    };
    let found = match map.get("schema") {
        None => return Ok(value),
        Some(v) => v
            .as_u64()
            .filter(|n| (1..=u64::from(SCHEMA)).contains(n))
            .ok_or_else(|| {
                ScenarioError::field(
                    "schema",
                    match v.as_f64() {
                        Some(x) => Problem::OutOfRange(x),
                        None => Problem::WrongType {
                            found: "not a number",
                        },
                    },
                    format!(
                        "a whole number from 1 to {SCHEMA} (this version reads up to {SCHEMA})"
                    ),
                )
            })?,
    };
    for step in MIGRATIONS
        .iter()
        .skip(usize::try_from(found).unwrap_or(usize::MAX) - 1)
    {
        value = step(value);
    }
    if let Value::Object(map) = &mut value {
        map.insert("schema", Value::from(SCHEMA));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value written as JSON.
    macro_rules! json {
        ($($t:tt)+) => {
            Value::from(serde_json::json!($($t)+))
        };
    }

    #[test]
    fn current_and_missing_schema_pass_through() {
        let v = json!({"name": "x"});
        assert_eq!(migrate(v.clone()).unwrap(), v);
        let v = json!({"schema": 1, "name": "x"});
        assert_eq!(migrate(v.clone()).unwrap(), v);
    }

    #[test]
    fn future_or_bogus_schemas_are_refused_by_name() {
        for bad in [json!(2), json!(0), json!("1"), json!(-1)] {
            let e = migrate(json!({ "schema": bad })).unwrap_err();
            assert_eq!(e.path(), Some("schema"));
            assert!(e.to_string().contains("from 1 to 1"), "{e}");
        }
    }

    #[test]
    fn non_objects_are_refused() {
        assert!(migrate(json!([1, 2])).is_err());
        assert!(migrate(json!(null)).is_err());
    }
}
