//! How numbers read in explanations, the CLI and the page: one place, so all three agree.

/// A number with thousands separators and at most `decimals` decimals, trailing zeros trimmed.
///
/// ```
/// use dpu_engine::format::num;
/// assert_eq!(num(1_562_500.0, 2), "1,562,500");
/// assert_eq!(num(1.5625, 2), "1.56");
/// assert_eq!(num(-0.5, 1), "-0.5");
/// assert_eq!(num(2.0, 2), "2");
/// ```
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "n/a".to_owned()
        } else if x > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let text = crate::float::fixed(x.abs(), decimals);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = x < 0.0 && (int.chars().any(|c| c != '0') || !frac.is_empty());
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A figure with as many decimals as its size deserves (2 below 10, 1 below 100, else 0).
///
/// ```
/// assert_eq!(dpu_engine::format::auto(1.5625), "1.56");
/// assert_eq!(dpu_engine::format::auto(43.21), "43.2");
/// assert_eq!(dpu_engine::format::auto(81_356.68), "81,357");
/// ```
pub fn auto(x: f64) -> String {
    let a = x.abs();
    let decimals = if a < 10.0 {
        2
    } else if a < 100.0 {
        1
    } else {
        0
    };
    num(x, decimals)
}

/// A break-even traffic, with the two decimals it is computed to (SPEC §5: to 0.01 Gb/s).
/// Rounding it like other figures could show a threshold below itself: a cost that pays
/// from 31.25 Gb/s would read "31.2 Gb/s", where it does not pay yet.
///
/// ```
/// assert_eq!(dpu_engine::format::threshold(31.25), "31.25 Gb/s");
/// assert_eq!(dpu_engine::format::threshold(32.0), "32 Gb/s");
/// assert_eq!(dpu_engine::format::threshold(1_234.56), "1,234.56 Gb/s");
/// ```
pub fn threshold(gbps: f64) -> String {
    format!("{} Gb/s", num(gbps, 2))
}

/// Money: the currency label, a no-break space and a whole amount, e.g. `USD 81,357` or
/// `USD -81,357`.
pub fn money(x: f64, currency: &str) -> String {
    let amount = num(x, 0);
    if currency.is_empty() {
        amount
    } else {
        // A no-break space: "USD" never ends a line with its amount on the next (issue 17).
        format!("{currency}\u{a0}{amount}")
    }
}

/// Money that may be a loss, said as one (issue 17: a tile or a chart never shows a negative
/// saving): `USD 81,357` or `a loss of USD 81,357`.
///
/// ```
/// use dpu_engine::format::net;
/// assert_eq!(net(81_357.0, "USD"), "USD\u{a0}81,357");
/// assert_eq!(net(-81_357.0, "USD"), "a loss of USD\u{a0}81,357");
/// assert_eq!(net(-0.2, "USD"), "USD\u{a0}0");
/// ```
pub fn net(x: f64, currency: &str) -> String {
    if x <= -0.5 {
        format!("a loss of {}", money(-x, currency))
    } else {
        money(x.max(0.0), currency)
    }
}

/// A share as a percentage, e.g. `2.4 %`.
pub fn percent(share: f64) -> String {
    format!("{} %", num(share * 100.0, 1))
}

/// A sentence's first letter in capitals (ASCII: the texts are English).
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A share of the futures as a sentence says it: "none" and "all" only when exactly so, and
/// a share that `percent` would round to 0 % or 100 % without being so as "under 0.1 %" or
/// "over 99.9 %" (4 of 10,000 futures is not none).
///
/// ```
/// use dpu_engine::format::share_of_futures;
/// assert_eq!(share_of_futures(0.0), "none");
/// assert_eq!(share_of_futures(0.0004), "under 0.1 %");
/// assert_eq!(share_of_futures(0.039), "3.9 %");
/// assert_eq!(share_of_futures(0.9996), "over 99.9 %");
/// assert_eq!(share_of_futures(1.0), "all");
/// ```
pub fn share_of_futures(p: f64) -> String {
    let text = percent(p);
    if p <= 0.0 {
        "none".to_owned()
    } else if p >= 1.0 {
        "all".to_owned()
    } else if text == "0 %" {
        "under 0.1 %".to_owned()
    } else if text == "100 %" {
        "over 99.9 %".to_owned()
    } else {
        text
    }
}

/// A count with its noun, the plural agreeing: `1 core`, `2 cores`, `1.25 cores`, `0 servers`.
///
/// ```
/// use dpu_engine::format::count;
/// assert_eq!(count(1.0, "core", "cores"), "1 core");
/// assert_eq!(count(1.25, "core", "cores"), "1.25 cores");
/// assert_eq!(count(0.0, "server", "servers"), "0 servers");
/// ```
pub fn count(x: f64, one: &str, many: &str) -> String {
    let text = auto(x);
    if text == "1" {
        format!("1 {one}")
    } else {
        format!("{text} {many}")
    }
}

/// Words that keep their capital inside a sentence (names, acronyms).
const PROPER_STARTS: &[&str] = &[
    "Kubernetes",
    "Network I/O Control",
    "Open vSwitch",
    "Intel",
    "Linux",
];

/// A label as it reads inside a sentence: the first letter lowered unless the label starts
/// with a name or an acronym (`Traffic shaping` → `traffic shaping`; `Kubernetes pods`,
/// `LACP`, `NetFlow / IPFIX` and `BlueField` stay: a first word with a capital after its first
/// letter is a name). ASCII only: labels are English, and Unicode case tables cost wasm size.
pub fn in_sentence(label: &str) -> String {
    let first_word = label.split([' ', '-', '/']).next().unwrap_or("");
    let mut chars = label.chars();
    match chars.next() {
        Some(c)
            if chars.clone().next().is_some_and(|n| n.is_ascii_lowercase())
                && !first_word.chars().skip(1).any(|c| c.is_ascii_uppercase())
                && !PROPER_STARTS.iter().any(|p| label.starts_with(p)) =>
        {
            std::iter::once(c.to_ascii_lowercase())
                .chain(chars)
                .collect()
        }
        _ => label.to_owned(),
    }
}

/// Characters that must never reach a terminal or a document from user text, and that a
/// name or other text field refuses:
///
/// - control characters (Cc: line breaks, tabs, escape sequences);
/// - every format character (Cf, all 170 of Unicode 16: the bidirectional marks, embeddings,
///   overrides and isolates, zero-width space, non-joiner and joiner, word joiner and
///   invisible operators, the byte-order mark, soft hyphen, Arabic letter mark, the
///   interlinear annotation marks, the tag characters, …): invisible, or reordering text;
/// - the line and paragraph separators (Zl U+2028, Zp U+2029);
/// - private-use characters (Co: U+E000–F8FF and planes 15 and 16), drawn as whatever a font
///   puts there;
/// - of the unassigned (Cn): the noncharacters (U+FDD0–FDEF and the last two code points of
///   every plane) and the planes that hold nothing in Unicode 16 nor have anything planned
///   (4 to 13, and plane 14 outside its tags and variation selectors).
///
/// Unassigned code points inside the other planes pass: telling them apart needs Unicode's
/// whole table of assigned characters, tens of kilobytes of the page for characters no font
/// draws and that neither hide nor reorder text. A consequence worth knowing: emoji joined
/// with the zero-width joiner (family, professions) are refused in names, since the joiner
/// is Cf; single emoji pass.
pub fn is_unsafe_char(c: char) -> bool {
    let n = u32::from(c);
    c.is_control()
        || n & 0xfffe == 0xfffe
        || UNSAFE_RANGES.iter().any(|&(lo, hi)| lo <= n && n <= hi)
}

/// The ranges [`is_unsafe_char`] refuses besides Cc and the noncharacters at each plane's end.
const UNSAFE_RANGES: [(u32, u32); 22] = [
    (0x00ad, 0x00ad),
    (0x0600, 0x0605),
    (0x061c, 0x061c),
    (0x06dd, 0x06dd),
    (0x070f, 0x070f),
    (0x0890, 0x0891),
    (0x08e2, 0x08e2),
    (0x180e, 0x180e),
    (0x200b, 0x200f),
    (0x2028, 0x202e),
    (0x2060, 0x206f),
    (0xe000, 0xf8ff),
    (0xfdd0, 0xfdef),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    // Planes 4 to 13 and plane 14 up to its variation selectors: unassigned, U+E0001 and the
    // tags U+E0020–E007F (Cf).
    (0x40000, 0xe00ff),
    // After plane 14's variation selectors: unassigned, then planes 15 and 16 (Co).
    (0xe01f0, 0x10ffff),
];

/// User text made safe to print: every unsafe character becomes `�`.
pub fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if is_unsafe_char(c) { '\u{fffd}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_private_characters_are_unsafe() {
        for c in [
            '\u{0}',
            '\n',
            '\t',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{ad}',
            '\u{600}',
            '\u{61c}',
            '\u{6dd}',
            '\u{70f}',
            '\u{890}',
            '\u{8e2}',
            '\u{180e}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{200e}',
            '\u{200f}',
            '\u{2028}',
            '\u{2029}',
            '\u{202a}',
            '\u{202e}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206f}',
            '\u{e000}',
            '\u{f8ff}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{feff}',
            '\u{fff9}',
            '\u{fffb}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{110bd}',
            '\u{110cd}',
            '\u{13430}',
            '\u{1343f}',
            '\u{1bca0}',
            '\u{1d173}',
            '\u{1d17a}',
            '\u{1fffe}',
            '\u{3ffff}',
            '\u{40000}',
            '\u{dffff}',
            '\u{e0001}',
            '\u{e0020}',
            '\u{e007f}',
            '\u{e01f0}',
            '\u{f0000}',
            '\u{10fffd}',
            '\u{10ffff}',
        ] {
            assert!(is_unsafe_char(c), "U+{:04X}", u32::from(c));
        }
        // Text of every kind passes: scripts, marks, symbols, emoji and their selectors.
        for text in [
            "Lab ü ß é Ω Ж ש ع हिन्दी 東京 한국 ไทย",
            "a\u{301} \u{fe0f} \u{e0100} \u{e01ef} 😀 👍🏽 € ¥ — “ ” ‘ ’ … ½ ² ° ±",
            "\u{a0}\u{2009}\u{3000} \u{fffd} \u{fffc} \u{30000} \u{323af} \u{1f9ff}",
        ] {
            for c in text.chars() {
                assert!(!is_unsafe_char(c), "U+{:04X} in {text}", u32::from(c));
            }
        }
    }

    #[track_caller]
    fn check(x: f64, decimals: usize, want: &str) {
        assert_eq!(num(x, decimals), want);
    }

    #[test]
    fn numbers() {
        check(0.0, 2, "0");
        check(-0.0, 2, "0");
        check(-0.001, 2, "0");
        check(999.0, 0, "999");
        check(1000.0, 0, "1,000");
        check(123_456_789.4, 0, "123,456,789");
        check(-1234.5, 1, "-1,234.5");
        check(0.6251, 2, "0.63");
        check(f64::NAN, 2, "n/a");
        check(f64::INFINITY, 2, "∞");
    }

    #[test]
    fn unsafe_characters_are_replaced() {
        assert_eq!(plain("a\u{1b}[2Jb\nc"), "a\u{fffd}[2Jb\u{fffd}c");
        assert_eq!(plain("x\u{202e}y"), "x\u{fffd}y");
        assert_eq!(plain("Zürich 東京"), "Zürich 東京");
    }

    #[test]
    fn labels_in_sentences() {
        assert_eq!(in_sentence("Traffic shaping"), "traffic shaping");
        assert_eq!(in_sentence("Kubernetes pods"), "Kubernetes pods");
        assert_eq!(in_sentence("LACP"), "LACP");
        assert_eq!(
            in_sentence("Network I/O Control (NIOC)"),
            "Network I/O Control (NIOC)"
        );
        assert_eq!(
            in_sentence("DV filter (inline security products)"),
            "DV filter (inline security products)"
        );
        assert_eq!(in_sentence("Many VMs per host"), "many VMs per host");
        assert_eq!(
            in_sentence("Open vSwitch offload is documented for BlueField and ConnectX"),
            "Open vSwitch offload is documented for BlueField and ConnectX"
        );
        assert_eq!(in_sentence("NetFlow / IPFIX"), "NetFlow / IPFIX");
        assert_eq!(in_sentence("BlueField can run"), "BlueField can run");
        assert_eq!(in_sentence("Multicast snooping"), "multicast snooping");
        assert_eq!(in_sentence("Per-core licences"), "per-core licences");
        assert_eq!(in_sentence(""), "");
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(count(2.0, "core", "cores"), "2 cores");
        assert_eq!(count(1.004, "core", "cores"), "1 core");
        assert_eq!(count(0.5, "core", "cores"), "0.5 cores");
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(money(-81_356.68, "USD"), "USD\u{a0}-81,357");
        assert_eq!(money(150_403.2, ""), "150,403");
        assert_eq!(percent(0.0244140625), "2.4 %");
    }
}
