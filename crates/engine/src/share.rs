//! Scenarios in links: the URL fragment `#s=1.<base64url>`, compact and versioned.
//!
//! The fragment holds the scenario as JSON with only the fields that differ from the
//! defaults (plus `schema`, so an old link migrates like an old file), base64url-encoded
//! without padding. The leading `1.` is the version of this link format, separate from the
//! scenario's `schema`: if the encoding itself ever changes, old links still say which one
//! they use. Browsers never send the fragment to a server.
//!
//! Decoding is for hostile input: any text gives a scenario or a [`ShareError`], never a
//! panic, and a fragment longer than [`MAX_FRAGMENT`] is refused before any work.

use std::fmt;

use crate::error::ScenarioError;
use crate::json::{Map, Value};
use crate::scenario::Scenario;

/// The version of the link format written by [`encode`].
pub const LINK_VERSION: &str = "1";

/// Longest fragment value accepted, in bytes (a full scenario encodes to about 2 KB).
pub const MAX_FRAGMENT: usize = 16 * 1024;

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// Longer than [`MAX_FRAGMENT`].
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// Not of the form `<version>.<data>`, or a version this build does not know.
    UnknownVersion {
        /// What stood before the dot.
        found: String,
    },
    /// The data is not base64url or not UTF-8 text.
    Encoding,
    /// The data is text but not a valid scenario.
    Scenario(ScenarioError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { len } => {
                write!(
                    f,
                    "the link's scenario is {len} bytes long; at most {MAX_FRAGMENT} are read"
                )
            }
            ShareError::UnknownVersion { found } => write!(
                f,
                "the link's format `{}` is not one this version reads (it reads `{LINK_VERSION}`)",
                found.chars().take(12).collect::<String>()
            ),
            ShareError::Encoding => {
                write!(f, "the link's scenario is damaged (not base64url text)")
            }
            ShareError::Scenario(e) => write!(f, "the link's scenario is not valid: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment value for a scenario, e.g. `1.eyJzY2hlbWEiOjF9` (without `#s=`).
///
/// ```
/// use dpu_engine::{Scenario, share};
/// let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 40}}"#).unwrap();
/// let link = share::encode(&s);
/// assert!(link.starts_with("1."));
/// assert_eq!(share::decode(&link).unwrap(), s);
/// ```
pub fn encode(s: &Scenario) -> String {
    let full = s.to_json_value();
    let defaults = Scenario::default().to_json_value();
    let mut diff = match diff(&full, &defaults, "") {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    diff.insert("schema", Value::from(s.schema));
    // Keys sorted, as the first links were written.
    let json = Value::Object(diff).sorted().to_string();
    format!("{LINK_VERSION}.{}", base64url_encode(json.as_bytes()))
}

/// The scenario in a fragment value (what follows `#s=`).
pub fn decode(value: &str) -> Result<Scenario, ShareError> {
    if value.len() > MAX_FRAGMENT {
        return Err(ShareError::TooLong { len: value.len() });
    }
    let Some((version, data)) = value.split_once('.') else {
        return Err(ShareError::UnknownVersion {
            found: value.to_owned(),
        });
    };
    if version != LINK_VERSION {
        return Err(ShareError::UnknownVersion {
            found: version.to_owned(),
        });
    }
    let bytes = base64url_decode(data).ok_or(ShareError::Encoding)?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    Scenario::from_json(&text).map_err(ShareError::Scenario)
}

/// The `s` parameter of a URL fragment such as `#s=1.abc&x=y`; `None` when there is none.
///
/// The one reading of the fragment, shared with the page's inline head script (its test
/// `/(^#|&)s=/` on `location.hash`; `src/params.rs` pins the two together): one leading `#`
/// is dropped, the rest is split at `&`, and the first part that starts with `s=` is the
/// link. `##s=…` therefore carries no link (its first part is `#s=…`), for the script and
/// for the page alike.
pub fn fragment_value(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .split('&')
        .find_map(|part| part.strip_prefix("s="))
}

/// The fields of `value` that differ from `default`, recursing into objects. An assumption's
/// `{low, likely, high}` is kept whole: the decoder wants all three points or none.
fn diff(value: &Value, default: &Value, parent: &str) -> Option<Value> {
    match (value, default) {
        (Value::Object(v), Value::Object(d)) if parent != "assumptions" => {
            let map: Map = v
                .iter()
                .filter_map(|(k, item)| match d.get(k) {
                    Some(def) => diff(item, def, k).map(|x| (k.clone(), x)),
                    None => Some((k.clone(), item.clone())),
                })
                .collect();
            (!map.is_empty()).then_some(Value::Object(map))
        }
        (v, d) if v == d => None,
        (v, _) => Some(v.clone()),
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | u32::from(*b) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url with or without padding; `None` on any other character or length.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("Zg=="), Some(b"f".to_vec()));
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v!"), None);
        assert_eq!(base64url_decode("Zm+v"), None);
    }

    #[test]
    fn default_scenario_is_tiny() {
        let link = encode(&Scenario::default());
        assert_eq!(decode(&link).unwrap(), Scenario::default());
        // {"schema":1}
        assert_eq!(link, format!("1.{}", base64url_encode(br#"{"schema":1}"#)));
    }

    #[test]
    fn only_changed_fields_are_carried() {
        let s = Scenario::from_json(r#"{"traffic": {"gbps_per_host": 40}, "goals": []}"#).unwrap();
        let link = encode(&s);
        let json = String::from_utf8(base64url_decode(&link[2..]).unwrap()).unwrap();
        assert_eq!(
            json,
            r#"{"goals":[],"schema":1,"traffic":{"gbps_per_host":40.0}}"#
        );
        assert_eq!(decode(&link).unwrap(), s);
    }

    #[test]
    fn assumption_ranges_travel_whole() {
        let s = Scenario::from_json(
            r#"{"assumptions": {"offload_fraction": {"low": 0.5, "likely": 0.6, "high": 0.95}}}"#,
        )
        .unwrap();
        let link = encode(&s);
        let json = String::from_utf8(base64url_decode(&link[2..]).unwrap()).unwrap();
        assert!(
            json.contains(r#""offload_fraction":{"high":0.95,"likely":0.6,"low":0.5}"#),
            "{json}"
        );
        assert_eq!(decode(&link).unwrap(), s);
    }

    #[test]
    fn hostile_fragments_are_refused_with_a_reason() {
        assert!(matches!(decode(""), Err(ShareError::UnknownVersion { .. })));
        assert!(matches!(
            decode("garbage"),
            Err(ShareError::UnknownVersion { .. })
        ));
        assert!(matches!(
            decode("2.e30"),
            Err(ShareError::UnknownVersion { .. })
        ));
        assert!(matches!(decode("1.%%%"), Err(ShareError::Encoding)));
        assert!(matches!(
            decode(&format!("1.{}", base64url_encode(&[0xff, 0xfe]))),
            Err(ShareError::Encoding)
        ));
        let bad = format!("1.{}", base64url_encode(br#"{"fleet": {"hosts": 0}}"#));
        match decode(&bad) {
            Err(ShareError::Scenario(e)) => assert_eq!(e.path(), Some("fleet.hosts")),
            other => panic!("{other:?}"),
        }
        let long = format!("1.{}", "A".repeat(MAX_FRAGMENT));
        assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
        assert!(decode("1.").is_err());
    }

    #[test]
    fn fragment_parameter_is_found() {
        assert_eq!(fragment_value("#s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_value("#x=1&s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_value("s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_value("#top"), None);
        // One `#` only: what the head script's `/(^#|&)s=/` reads.
        assert_eq!(fragment_value("##s=1.abc"), None);
        assert_eq!(fragment_value("##x&s=1.abc"), Some("1.abc"));
        assert_eq!(fragment_value("#s=1.a&s=1.b"), Some("1.a"));
        assert_eq!(fragment_value(""), None);
    }
}
