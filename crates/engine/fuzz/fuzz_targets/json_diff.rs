//! Differential fuzzing of the page's own JSON reader and writers (`dpu_engine::json`)
//! against serde_json, which they replace to keep the page small: the same value (written
//! the same, compact and pretty) or an error at the same place. A repeated key is ours to
//! refuse (serde_json keeps the last); the unit tests check those against serde_json told to
//! refuse repeats, so here they are only required to name the key.
#![no_main]

use dpu_engine::json::{Value, parse, to_string_pretty};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Err(e), _) if e.kind() == Some(dpu_engine::json::SyntaxKind::DuplicateKey) => {
            assert!(e.message.ends_with('`'), "{text:?}: {e:?}");
        }
        (Ok(v), Ok(w)) => {
            assert_eq!(serde_json::Value::from(v), *w, "{text:?}");
            assert_eq!(v.to_string(), w.to_string(), "{text:?}");
            assert_eq!(to_string_pretty(v), format!("{w:#}"), "{text:?}");
            assert_eq!(Value::from(w.clone()), *v, "{text:?}");
        }
        (Err(e), Err(f)) => {
            assert_eq!((e.line, e.column), (f.line(), f.column()), "{text:?}: {e:?} / {f}");
            let kind = e.kind().unwrap_or_else(|| panic!("{text:?}: {e:?}"));
            assert_eq!(kind.is_eof(), f.classify() == serde_json::error::Category::Eof, "{text:?}: {e:?} / {f}");
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
});
