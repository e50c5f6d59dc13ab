//! Differential fuzzing of the page's own float code (`dpu_engine::float`) against std,
//! which it replaces to keep the page small: the fuzzer's bytes as a float, written with
//! `{}`, `{:e}` and `{:.N}` both ways, and as text, read both ways.
#![no_main]

use dpu_engine::float;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((bits, rest)) = data.split_first_chunk::<8>() {
        let x = f64::from_le_bytes(*bits);
        assert_eq!(float::shortest(x), x.to_string(), "{x:e}");
        assert_eq!(float::exponential(x), format!("{x:e}"), "{x:?}");
        // Up to 40 decimals: past 17 the bignum writes every one.
        let decimals = usize::from(rest.first().copied().unwrap_or(0) % 41);
        assert_eq!(
            float::fixed(x, decimals),
            format!("{x:.decimals$}"),
            "{x:e} {decimals}"
        );
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let ours = float::parse(text);
        let std = text.parse::<f64>().ok();
        // NaN has no one bit pattern to agree on; every other value must match to the bit.
        assert_eq!(
            ours.map(|x| if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() }),
            std.map(|x| if x.is_nan() { f64::NAN.to_bits() } else { x.to_bits() }),
            "{text:?}"
        );
    }
});
