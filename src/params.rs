//! What the page's address asks for: `?preset=`, `?embed=1`, `?theme=`, `?ns=` and the
//! scenario link in the fragment (`#s=`). Pure, so it is tested natively.

/// The colour theme an embed asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>`.
    pub fn attr(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The page's query and fragment, read once at start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageParams {
    /// `?preset=NAME`
    pub preset: Option<String>,
    /// `?embed=1`: compact layout for iframes.
    pub embed: bool,
    /// `?theme=light|dark|auto`
    pub theme: Theme,
    /// `?ns=`: the storage namespace (each embed has its own; the page uses `main`).
    pub namespace: String,
    /// The `s` value of the fragment (`#s=1.…`), if any.
    pub link: Option<String>,
}

/// Percent-decoding of a query value (`+` is a space); invalid escapes stay as they are.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .filter(|h| bytes[i] == b'%' && h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl PageParams {
    /// Reads what a pre-rendered page says it shows (`<meta name="dpu-page">`, e.g.
    /// `r=1&preset=hype-case&embed=1`), then the address, which wins where it says more.
    pub fn with_page(page: &str, search: &str, hash: &str) -> Self {
        let shown = PageParams::parse(page, "");
        let mut p = PageParams::parse(search, hash);
        if p.preset.is_none() {
            p.preset = shown.preset;
        }
        let asks_embed = search
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.split('=').next() == Some("embed"));
        if !asks_embed && shown.embed {
            p.embed = true;
            if p.namespace == "main" {
                p.namespace = "embed".to_owned();
            }
        }
        p
    }

    /// Reads `location.search` (with or without `?`) and `location.hash` (with or without `#`).
    pub fn parse(search: &str, hash: &str) -> Self {
        let mut p = PageParams {
            namespace: "main".to_owned(),
            ..PageParams::default()
        };
        for pair in search
            .trim_start_matches('?')
            .split('&')
            .filter(|s| !s.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match key {
                "preset" if !value.is_empty() => p.preset = Some(value),
                "embed" => p.embed = matches!(value.as_str(), "1" | "true" | ""),
                "theme" => {
                    p.theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    }
                }
                "ns" => p.namespace = value,
                _ => {}
            }
        }
        // The loader writes `<page hash>-<id>` in [A-Za-z0-9_.-]; anything else (typed by
        // hand, or hostile) gets a fixed namespace, so no address makes arbitrary or huge
        // storage keys, and only the full page uses `main`.
        let valid = !p.namespace.is_empty()
            && p.namespace.len() <= 100
            && p.namespace
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !valid || (p.embed && p.namespace == "main") {
            p.namespace = if p.embed { "embed" } else { "main" }.to_owned();
        }
        p.link = dpu_engine::share::fragment_value(hash).map(str::to_owned);
        p
    }
}

/// The full page's address for what an embed shows. With the build's pre-rendered pages,
/// `base` is the deployment's root (ending in `/`) and an unedited preset has its own page
/// (`presets/<name>/`); otherwise `base` is the page's own address and the preset goes in
/// `?preset=`. An edited scenario travels in `#s=` either way.
pub fn full_page_address(
    base: &str,
    pages: bool,
    preset: Option<&str>,
    link: Option<&str>,
) -> String {
    let mut out = base.to_owned();
    match (preset, pages) {
        (Some(p), true) => {
            out.push_str("presets/");
            out.push_str(p);
            out.push('/');
        }
        (Some(p), false) => {
            out.push_str("?preset=");
            out.push_str(p);
        }
        (None, _) => {}
    }
    if let Some(l) = link {
        out.push_str("#s=");
        out.push_str(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_page_drops_the_embeds_parameters() {
        assert_eq!(
            full_page_address("https://x.org/tools/dpu/", false, Some("hype-case"), None),
            "https://x.org/tools/dpu/?preset=hype-case"
        );
        assert_eq!(
            full_page_address(
                "https://x.org/tools/dpu/index.html",
                false,
                Some("hype-case"),
                Some("1.abc")
            ),
            "https://x.org/tools/dpu/index.html?preset=hype-case#s=1.abc"
        );
        assert_eq!(
            full_page_address("file:///home/a.html", false, None, None),
            "file:///home/a.html"
        );
    }

    #[test]
    fn with_pages_a_preset_has_its_own_page() {
        assert_eq!(
            full_page_address("https://x.org/dpu/", true, Some("nfv-heavy"), None),
            "https://x.org/dpu/presets/nfv-heavy/"
        );
        assert_eq!(
            full_page_address("../../", true, None, Some("1.abc")),
            "../../#s=1.abc"
        );
        assert_eq!(full_page_address("../", true, None, None), "../");
    }

    #[test]
    fn defaults() {
        let p = PageParams::parse("", "");
        assert_eq!(p.preset, None);
        assert!(!p.embed);
        assert_eq!(p.theme, Theme::Auto);
        assert_eq!(p.namespace, "main");
        assert_eq!(p.link, None);
    }

    #[test]
    fn everything_at_once() {
        let p = PageParams::parse(
            "?embed=1&preset=hype-case&theme=dark&ns=embed-2",
            "#s=1.abc",
        );
        assert_eq!(p.preset.as_deref(), Some("hype-case"));
        assert!(p.embed);
        assert_eq!(p.theme, Theme::Dark);
        assert_eq!(p.namespace, "embed-2");
        assert_eq!(p.link.as_deref(), Some("1.abc"));
    }

    #[test]
    fn odd_values() {
        assert_eq!(PageParams::parse("?theme=purple", "").theme, Theme::Auto);
        assert!(!PageParams::parse("?embed=0", "").embed);
        assert_eq!(
            PageParams::parse("?preset=a%20b", "").preset.as_deref(),
            Some("a b")
        );
        assert_eq!(
            PageParams::parse("?preset=%zz%", "").preset.as_deref(),
            Some("%zz%")
        );
        assert_eq!(
            PageParams::parse("?preset=%", "").preset.as_deref(),
            Some("%")
        );
        assert_eq!(PageParams::parse("?preset=&ns=", "").namespace, "main");
        assert_eq!(PageParams::parse("?embed=1&ns=", "").namespace, "embed");
        assert_eq!(PageParams::parse("?embed=1&ns=main", "").namespace, "embed");
        assert_eq!(
            PageParams::parse("?embed=1&ns=%C3%BC", "").namespace,
            "embed"
        );
        let long = format!("?ns={}", "a".repeat(101));
        assert_eq!(PageParams::parse(&long, "").namespace, "main");
        assert_eq!(
            PageParams::parse("?embed=1&ns=3f2a9c1b00aa.embed-1", "").namespace,
            "3f2a9c1b00aa.embed-1"
        );
        assert_eq!(
            PageParams::parse("?preset=%E2%82%AC", "").preset.as_deref(),
            Some("€")
        );
    }
}
