//! Fuzzes the bounds of issue 18 with inputs built from the fuzzer's bytes: objects of many
//! members (repeated keys refused by name, the rest read whole and sorted), saved lists past
//! their bound (refused before parsing, whatever they hold), names (saved only when every
//! character is safe to show), and the one reading of a fragment that the page's head script
//! shares (`/(^#|&)s=/`).
#![no_main]

use dpu_engine::json::{Value, parse};
use dpu_engine::{Scenario, format, saved, share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // An object whose keys are the input's pieces, many times over: read whole and sorted,
    // or refused at a key that really repeats.
    let keys: Vec<&str> = text.split(',').collect();
    let members: Vec<String> = keys
        .iter()
        .cycle()
        .take(keys.len() * (1 + data.len() % 7))
        .enumerate()
        .map(|(i, k)| format!("{}:{i}", Value::from(*k)))
        .collect();
    let object = format!("{{{}}}", members.join(","));
    match parse(&object) {
        Ok(Value::Object(map)) => {
            let read: Vec<&String> = map.keys().collect();
            assert!(read.windows(2).all(|w| w[0] < w[1]));
            assert_eq!(read.len(), members.len());
        }
        Ok(_) => unreachable!("an object reads as an object"),
        Err(e) => {
            assert!(e.message.starts_with("duplicate key `"), "{e:?}");
            assert!(members.len() > keys.len() || keys.len() > 1);
        }
    }
    // Past the bound, a stored list is refused by its size, never parsed.
    if !text.is_empty() {
        let huge = text.repeat(saved::MAX_STORED_BYTES / text.len() + 1);
        assert_eq!(
            saved::parse(Some(&huge)),
            Err(saved::StoreError::TooLarge { bytes: huge.len() })
        );
    }
    // A name is saved only if it is all safe to show, and then it reads back.
    if let Ok(list) = saved::save(&[], text, &Scenario::default()) {
        assert!(!list[0].name.chars().any(format::is_unsafe_char));
        assert_eq!(saved::parse(Some(&saved::serialize(&list))), Ok(list));
    }
    // The head script's reading of `location.hash`, which always starts with `#`.
    let hash = format!("#{text}");
    assert_eq!(
        share::fragment_value(&hash).is_some(),
        hash.starts_with("#s=") || hash.contains("&s="),
        "{hash:?}"
    );
});
