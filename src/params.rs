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
    /// The fragment's `t=`: the card's heading a blogger set (`data-title`), one line of at
    /// most 100 characters.
    pub title: Option<String>,
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

/// The address's parameters, read the one way the page and its inline head script (in
/// `index.html`) both read them, which is `URLSearchParams`' way: split at `&`, empty parts
/// skipped, key and value each percent-decoded (`+` a space), and of a repeated key the
/// **first** counts (`URLSearchParams.get`). So `?preset=hype-case&preset=nfv-heavy` is
/// `hype-case` for both, and an empty `preset=` is no preset for both. The fragment is read
/// the same way after dropping one leading `#` (see [`dpu_engine::share::fragment_value`]).
fn first(params: &str, name: &str) -> Option<String> {
    params
        .split('&')
        .filter(|s| !s.is_empty())
        .find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
}

/// The values of `?embed=` that ask for the embed's card (the head script's
/// `e==="1"||e==="true"||e===""`; a test pins the two together).
pub const EMBED_YES: [&str; 3] = ["1", "true", ""];

impl PageParams {
    /// Reads what a pre-rendered page says it shows (`<meta name="dpu-page">`, e.g.
    /// `r=1&preset=hype-case&embed=1`), then the address, which wins where it says more.
    pub fn with_page(page: &str, search: &str, hash: &str) -> Self {
        let shown = PageParams::parse(page, "");
        let mut p = PageParams::parse(search, hash);
        if p.preset.is_none() {
            p.preset = shown.preset;
        }
        let asks_embed = first(search.strip_prefix('?').unwrap_or(search), "embed").is_some();
        if !asks_embed && shown.embed {
            p.embed = true;
            if p.namespace == "main" {
                p.namespace = "embed".to_owned();
            }
        }
        p
    }

    /// Reads `location.search` (with or without `?`) and `location.hash` (with or without `#`).
    /// The storage namespace comes from the fragment's `ns=` (where the embed loader puts
    /// it, so the calculator's host never learns which post embeds it), else from the
    /// query's `ns=` (iframes made by earlier loaders and snippets).
    pub fn parse(search: &str, hash: &str) -> Self {
        let query = search.strip_prefix('?').unwrap_or(search);
        let fragment = hash.strip_prefix('#').unwrap_or(hash);
        let embed = first(query, "embed").is_some_and(|v| EMBED_YES.contains(&v.as_str()));
        let mut p = PageParams {
            preset: first(query, "preset").filter(|v| !v.is_empty()),
            embed,
            theme: match first(query, "theme").as_deref() {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::Auto,
            },
            namespace: first(fragment, "ns")
                .or_else(|| first(query, "ns"))
                .unwrap_or_else(|| "main".to_owned()),
            link: dpu_engine::share::fragment_value(hash).map(str::to_owned),
            title: first(fragment, "t")
                .map(|t| t.chars().filter(|c| !c.is_control()).take(100).collect())
                .filter(|t: &String| !t.trim().is_empty()),
        };
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
        p
    }
}

/// The fragment with the link `s=` set to `link` (or removed), every other part (the
/// embed's `ns=`, an anchor) kept in place; `""` when nothing is left. `hash` is
/// `location.hash` (with or without its `#`); the result starts with `#` unless empty.
pub fn fragment_with_link(hash: &str, link: Option<&str>) -> String {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    let mut parts: Vec<String> = Vec::new();
    let mut placed = false;
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        // A part that is a link but for extra `#`s (`##s=…`) goes too: it is no link to
        // anyone, and would only travel on in "Copy link".
        if part.trim_start_matches('#').starts_with("s=") {
            if let (Some(l), false) = (link, placed) {
                parts.push(format!("s={l}"));
            }
            placed = true;
        } else {
            parts.push(part.to_owned());
        }
    }
    if let (Some(l), false) = (link, placed) {
        parts.push(format!("s={l}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
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

    /// The inline script in `index.html` that decides, before the first paint, whether the
    /// pre-rendered page is what the address asks for.
    fn head_script() -> String {
        let html = include_str!("../index.html");
        let start = html.find("<script>").expect("an inline script") + "<script>".len();
        let end = start + html[start..].find("</script>").expect("its end");
        html[start..end].to_owned()
    }

    /// The head script and the wasm read the address the one same way: these literals are
    /// the script's half of [`first`], [`EMBED_YES`] and `share::fragment_value`; change
    /// one side and this fails until the other follows.
    #[test]
    fn the_head_script_reads_the_address_as_the_wasm_does() {
        let script = head_script();
        let yes: Vec<String> = EMBED_YES.iter().map(|v| format!("e==={v:?}")).collect();
        for literal in [
            // The query: URLSearchParams, the first of a repeated key (`get`).
            "q=new URLSearchParams(location.search)".to_owned(),
            r#"t=q.get("theme")"#.to_owned(),
            r#"e=q.get("embed")"#.to_owned(),
            r#"wp=q.get("preset")||pp"#.to_owned(),
            // The embed's card: the same three values.
            format!("we=e===null?pe:({})", yes.join("||")),
            // The fragment: one leading `#`, then `s=` first or after a `&`.
            r#"/(^#|&)s=/.test(location.hash)"#.to_owned(),
        ] {
            assert!(script.contains(&literal), "{literal} not in {script}");
        }
        // No other reading of the address hides in the script.
        assert_eq!(script.matches("location.").count(), 2, "{script}");
        assert_eq!(script.matches(".get(").count(), 6, "{script}");
    }

    /// What the script's `/(^#|&)s=/` says of a hash, written out: a link when one leading
    /// `#` is followed by `s=`, or a `&` is.
    fn script_sees_link(hash: &str) -> bool {
        hash.starts_with("#s=") || hash.contains("&s=")
    }

    #[test]
    fn forged_addresses_read_one_way() {
        for hash in [
            "",
            "#",
            "#s=1.a",
            "##s=1.a",
            "###s=1.a",
            "#x&s=1.a",
            "#ns=a.b&s=1.a",
            "#ns=a.b",
            "##x&s=1.a",
            "#s=",
            "#xs=1.a",
            "#S=1.a",
            "#%73=1.a",
        ] {
            assert_eq!(
                PageParams::parse("", hash).link.is_some(),
                script_sees_link(hash),
                "{hash}"
            );
        }
        // A repeated key: the first counts, as URLSearchParams.get.
        let p = PageParams::parse("?preset=hype-case&preset=nfv-heavy", "");
        assert_eq!(p.preset.as_deref(), Some("hype-case"));
        assert_eq!(
            PageParams::parse("?preset=&preset=nfv-heavy", "").preset,
            None
        );
        assert!(!PageParams::parse("?embed=0&embed=1", "").embed);
        assert!(PageParams::parse("?embed&embed=0", "").embed);
        assert_eq!(
            PageParams::parse("?theme=dark&theme=light", "").theme,
            Theme::Dark
        );
        // Keys are decoded, as URLSearchParams decodes them.
        assert_eq!(
            PageParams::parse("?pre%73et=nfv-heavy", "")
                .preset
                .as_deref(),
            Some("nfv-heavy")
        );
        let shown = "r=1&preset=hype-case";
        assert_eq!(
            PageParams::with_page(shown, "?preset=hype-case&preset=nfv-heavy", "##s=1.x")
                .preset
                .as_deref(),
            Some("hype-case")
        );
        assert!(!PageParams::with_page("r=1&embed=1", "?%65mbed=0", "").embed);
    }

    #[test]
    fn the_cards_heading_rides_in_the_fragment_as_one_short_line() {
        let p = PageParams::parse(
            "?embed=1",
            "#ns=x&t=My%20cluster%0A%E2%80%93%20plan&s=1.abc",
        );
        assert_eq!(p.title.as_deref(), Some("My cluster– plan"));
        assert_eq!(p.link.as_deref(), Some("1.abc"));
        assert_eq!(PageParams::parse("", "#t=%20").title, None);
        let long = PageParams::parse("", &format!("#t={}", "é".repeat(300)));
        assert_eq!(long.title.map(|t| t.chars().count()), Some(100));
    }

    #[test]
    fn the_namespace_rides_in_the_fragment() {
        let p = PageParams::parse("?embed=1", "#ns=3f2a9c1b00aa.embed-1&s=1.abc");
        assert_eq!(p.namespace, "3f2a9c1b00aa.embed-1");
        assert_eq!(p.link.as_deref(), Some("1.abc"));
        // Earlier loaders put it in the query; the fragment wins.
        assert_eq!(PageParams::parse("?embed=1&ns=old", "").namespace, "old");
        assert_eq!(
            PageParams::parse("?embed=1&ns=old", "#ns=new").namespace,
            "new"
        );
    }

    #[test]
    fn the_link_is_set_in_the_fragment_beside_the_rest() {
        assert_eq!(fragment_with_link("", Some("1.a")), "#s=1.a");
        assert_eq!(fragment_with_link("#s=1.a", None), "");
        assert_eq!(
            fragment_with_link("#ns=x&s=1.a", Some("1.b")),
            "#ns=x&s=1.b"
        );
        assert_eq!(fragment_with_link("#ns=x&s=1.a", None), "#ns=x");
        assert_eq!(fragment_with_link("#ns=x", Some("1.b")), "#ns=x&s=1.b");
        assert_eq!(fragment_with_link("##s=forged", Some("1.b")), "#s=1.b");
        assert_eq!(fragment_with_link("##s=forged", None), "");
        assert_eq!(fragment_with_link("#s=1.a&s=1.c", Some("1.b")), "#s=1.b");
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
