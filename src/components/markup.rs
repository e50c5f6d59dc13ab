//! Markup written into one `String`, for the charts (see `charts.rs` for why they do not
//! go through `html!`): escaping for text and attribute values, and the way the markup
//! becomes part of the page.
//!
//! Writing: a chart is `write!` calls into a `String` ([`put!`]). Every value that is text
//! goes through [`Text`] (an element's content: `&`, `<`, `>` escaped) or [`Attr`] (an
//! attribute value, always in double quotes: `"` escaped as well), exactly as Yew's server
//! renderer escapes them; only numbers (pixel coordinates, years, counts) and literals go in
//! as they are. So no text, whatever a reader typed, can end a value or open an element.
//!
//! Into the page: [`to_html`] reads the markup back ([`walk`]: the subset written here,
//! elements, double-quoted attributes, text, four entities) into Yew's virtual nodes, one
//! `VTag` per element with its attributes and one `VText` per text, which Yew renders and
//! updates as it does any other (on the server it writes them out as they were written).
//! `<>` and `</>` enclose a fragment, a list of its own with no element (nothing in the
//! page, nothing on the server): the writers put each loop and each condition in one, as
//! `html!` does with a `for` or an `if`, so that a list that grows on an edit (a tick more,
//! a tag less) does not shift its siblings. Yew compares children by position; with all of
//! an element's children in one list, such a shift had it replace elements instead of
//! updating them (per edit of the traffic, 24 nodes more added and 16.5 more removed than
//! `html!`, and 3.6 ms more main-thread CPU time).
//! Not `Html::from_html_unchecked`: in the browser that sets `innerHTML`, and the page's
//! policy requires Trusted Types with no policy allowed (`require-trusted-types-for
//! 'script'; trusted-types 'none'`), under which `innerHTML`, `insertAdjacentHTML`,
//! `DOMParser` and `createContextualFragment` all throw for a plain string (checked in
//! Chromium 156). Nor elements built here one `createElement` and `setAttribute` at a time:
//! on every edit that is all of the charts' ~270 elements and ~900 attributes across the
//! wasm boundary, where Yew's comparison with the previous render sets only what changed.
//! Measured (on main at bc34553), that version loaded 0.1 KB less but made an edit slower
//! (medians of 31 edits at 1× CPU 20–22 → 27–29 ms; main-thread CPU per edit 35 → 39 ms).
//!
//! [`walk`] takes only the elements in [`ELEMENTS`] and the attribute lists in [`SHAPES`]
//! (each element's attribute names, in order): no script, link, event handler or style, so
//! even a string these writers did not produce could not put anything that runs into the
//! page; and Yew's attribute lists need names fixed at compile time.

use std::fmt;

use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VNode, VTag, VText};
use yew::{Html, NodeRef};

/// `write!` into a `String`, which cannot fail.
macro_rules! put {
    ($out:expr, $($fmt:tt)*) => {{
        let _ = ::std::fmt::Write::write_fmt($out, format_args!($($fmt)*));
    }};
}
pub(crate) use put;

/// Text as an element's content: `&`, `<` and `>` escaped.
pub(crate) struct Text<'a>(pub &'a str);

/// Text as a double-quoted attribute value: `&`, `<`, `>` and `"` escaped.
pub(crate) struct Attr<'a>(pub &'a str);

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escape(f, self.0, false)
    }
}

impl fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        escape(f, self.0, true)
    }
}

/// Writes `s` with `&`, `<`, `>` (and `"` when `quote`) as entities.
fn escape(f: &mut fmt::Formatter<'_>, s: &str, quote: bool) -> fmt::Result {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' if quote => "&quot;",
            _ => continue,
        };
        f.write_str(&s[from..i])?;
        f.write_str(entity)?;
        from = i + 1;
    }
    f.write_str(&s[from..])
}

/// The elements [`walk`] lets through: those the charts are drawn with.
const ELEMENTS: &[&str] = &[
    "figure",
    "figcaption",
    "svg",
    "g",
    "title",
    "line",
    "polyline",
    "rect",
    "circle",
    "text",
    "ul",
    "li",
    "p",
    "span",
    "strong",
];

/// The attribute lists [`walk`] lets through, each the names of one element's attributes in
/// the order written (`class` last, where Yew's `html!` puts it).
const SHAPES: &[&[&str]] = &[
    &[],
    &["class"],
    &["x1", "x2", "y1", "y2", "class"],
    &["x", "y", "text-anchor", "class"],
    &["x", "y", "class"],
    &["x", "y", "height", "width", "class"],
    &["x", "y", "width", "height", "class"],
    &["cx", "cy", "r", "class"],
    &["points", "class"],
    &["aria-hidden", "class"],
    &["viewBox", "aria-hidden", "focusable"],
    &["viewBox", "role", "aria-label"],
    &["viewBox", "role", "aria-label", "class"],
    &["data-line-rate", "data-break-even", "class"],
    &["data-payback-year", "class"],
    &["data-best-plan", "class"],
    &["data-bars", "class"],
    &["data-year", "data-amount", "data-cumulative", "class"],
    &["data-bar"],
    &["data-bar", "class"],
    &["data-plan"],
    &["data-plan", "class"],
    &["data-assumption"],
    &["data-assumptions", "class"],
];

/// What [`walk`] reports, in document order.
trait Sink {
    /// An element opens, with the names of its attributes (one of [`SHAPES`]) and their
    /// values, unescaped.
    fn open(&mut self, name: &'static str, keys: &'static [&'static str], values: Vec<String>);
    /// A fragment opens: nodes kept together, with no element of their own.
    fn fragment(&mut self);
    /// Text inside the innermost open element, unescaped.
    fn text(&mut self, text: String);
    /// The innermost open element or fragment closes.
    fn close(&mut self);
}

/// Reads markup as the charts write it (one element, its attributes and what it holds) into
/// `sink`. Inside the element, `<>` and `</>` enclose a fragment. False, with the sink told
/// only part, if the markup is anything else: an element outside [`ELEMENTS`], attributes
/// outside [`SHAPES`], a value not in double quotes, an end tag that closes another element,
/// text, a fragment or a second element outside the first.
fn walk(markup: &str, sink: &mut impl Sink) -> bool {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = markup;
    while !rest.is_empty() {
        if let Some(tail) = rest.strip_prefix("</") {
            let Some((name, tail)) = tail.split_once('>') else {
                return false;
            };
            if open.pop() != Some(name) {
                return false;
            }
            sink.close();
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix("<>") {
            if open.is_empty() {
                return false;
            }
            sink.fragment();
            open.push("");
            rest = tail;
        } else if let Some(tail) = rest.strip_prefix('<') {
            let (name, mut tail) = tail.split_at(tail.find([' ', '>']).unwrap_or(tail.len()));
            let Some(name) = ELEMENTS.iter().copied().find(|e| *e == name) else {
                return false;
            };
            if open.is_empty() && rest.len() < markup.len() {
                return false;
            }
            let (mut names, mut values) = (Vec::new(), Vec::new());
            loop {
                if let Some(after) = tail.strip_prefix('>') {
                    tail = after;
                    break;
                }
                let Some((attr, after)) = tail.strip_prefix(' ').and_then(|t| t.split_once("=\""))
                else {
                    return false;
                };
                let Some((value, after)) = after.split_once('"') else {
                    return false;
                };
                names.push(attr);
                values.push(unescape(value));
                tail = after;
            }
            let Some(keys) = SHAPES.iter().copied().find(|s| **s == *names) else {
                return false;
            };
            sink.open(name, keys, values);
            open.push(name);
            rest = tail;
        } else {
            let (text, tail) = rest.split_at(rest.find('<').unwrap_or(rest.len()));
            if open.is_empty() {
                return false;
            }
            sink.text(unescape(text));
            rest = tail;
        }
    }
    open.is_empty() && !markup.is_empty()
}

/// Text or a value as written by [`Text`] and [`Attr`], read back.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (c, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e))
        .map_or(('&', 1), |(e, c)| (c, e.len()));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// Chart markup as part of the page: Yew's virtual nodes for it (see the module docs), or
/// nothing if it is not markup the charts write.
pub(crate) fn to_html(markup: String) -> Html {
    let mut tree = Tree::default();
    match (walk(&markup, &mut tree), tree.root) {
        (true, Some(root)) => root,
        _ => Html::default(),
    }
}

/// An element's name and attributes, or `None` for a fragment; with its children so far.
type Open = (Option<(&'static str, Attributes)>, Vec<VNode>);

/// Builds Yew's virtual nodes as [`walk`] reports them.
#[derive(Default)]
struct Tree {
    /// The open elements and fragments, innermost last.
    open: Vec<Open>,
    /// The outermost element, once closed.
    root: Option<VNode>,
}

impl Sink for Tree {
    fn open(&mut self, name: &'static str, keys: &'static [&'static str], values: Vec<String>) {
        let values = values
            .into_iter()
            .map(|v| Some(AttributeOrProperty::Attribute(v.into())))
            .collect();
        let attributes = Attributes::Dynamic { keys, values };
        self.open.push((Some((name, attributes)), Vec::new()));
    }

    fn fragment(&mut self) {
        self.open.push((None, Vec::new()));
    }

    fn text(&mut self, text: String) {
        if let Some((_, children)) = self.open.last_mut() {
            children.push(VText::new(text).into());
        }
    }

    fn close(&mut self) {
        let Some((element, children)) = self.open.pop() else {
            return;
        };
        let children = VList::with_children(children, None).into();
        // What `html!` builds for an element (the constructor it calls), or for `<>…</>`.
        let node = match element {
            Some((name, attributes)) => VTag::__new_other(
                name.into(),
                NodeRef::default(),
                None,
                attributes,
                Listeners::None,
                children,
            )
            .into(),
            None => children,
        };
        match self.open.last_mut() {
            Some((_, siblings)) => siblings.push(node),
            None => self.root = Some(node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes back what [`walk`] reads, escaped as the charts escape.
    #[derive(Default)]
    struct Echo {
        out: String,
        open: Vec<&'static str>,
    }

    impl Sink for Echo {
        fn open(&mut self, name: &'static str, keys: &'static [&'static str], values: Vec<String>) {
            put!(&mut self.out, "<{name}");
            for (k, v) in keys.iter().zip(&values) {
                put!(&mut self.out, " {k}=\"{}\"", Attr(v));
            }
            self.out.push('>');
            self.open.push(name);
        }
        fn fragment(&mut self) {
            self.out.push_str("<>");
            self.open.push("");
        }
        fn text(&mut self, text: String) {
            put!(&mut self.out, "{}", Text(&text));
        }
        fn close(&mut self) {
            let name = self.open.pop().unwrap_or_default();
            put!(&mut self.out, "</{name}>");
        }
    }

    /// What `walk` gives for `markup`: the markup written back, or `None` if refused.
    fn echo(markup: &str) -> Option<String> {
        let mut e = Echo::default();
        walk(markup, &mut e).then_some(e.out)
    }

    #[test]
    fn to_html_builds_an_element_per_element_and_a_list_per_fragment() {
        let html = to_html(r#"<p class="a&amp;b"><>x<span></span></><></>y</p>"#.to_owned());
        let VNode::VTag(p) = html else {
            panic!("not an element: {html:?}");
        };
        assert_eq!(p.tag(), "p");
        assert_eq!(
            p.attributes.iter().collect::<Vec<_>>(),
            vec![("class", "a&b")]
        );
        let children: Vec<&VNode> = match p.children() {
            Some(VNode::VList(list)) => list.iter().collect(),
            other => panic!("children: {other:?}"),
        };
        let shape: Vec<String> = children
            .iter()
            .map(|c| match c {
                VNode::VList(l) => format!("list of {}", l.len()),
                VNode::VText(t) => format!("text {}", t.text),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(shape, ["list of 2", "list of 0", "text y"]);
        assert_eq!(to_html("<p>".to_owned()), Html::default());
    }

    #[test]
    fn text_and_values_are_escaped_as_yew_escapes_them() {
        let s = r#"<b a="x">&amp;'"#;
        assert_eq!(Text(s).to_string(), r#"&lt;b a="x"&gt;&amp;amp;'"#);
        assert_eq!(Attr(s).to_string(), "&lt;b a=&quot;x&quot;&gt;&amp;amp;'");
        assert_eq!(Text("").to_string(), "");
        assert_eq!(Attr("USD\u{a0}1 → 2").to_string(), "USD\u{a0}1 → 2");
        for s in ["", "plain", "<&>\"'", "&amp;&lt;&gt;&quot;", "é → ü"] {
            assert_eq!(unescape(&Attr(s).to_string()), s);
            assert_eq!(unescape(&Text(s).to_string()), s);
        }
    }

    #[test]
    fn walk_reads_what_the_charts_write_and_nothing_else() {
        for ok in [
            r#"<figure class="chart"><figcaption>a &lt;b&gt; &amp; "c"</figcaption></figure>"#,
            r#"<svg viewBox="0 0 1 1" role="img" aria-label="&quot;x&quot;"><line x1="0" x2="1" y1="0" y2="0" class="a b"></line></svg>"#,
            r#"<ul><li data-plan="x&lt;"><span aria-hidden="true" class="key"></span>a</li><li></li></ul>"#,
            "<p><><span>a</span><></></>b</p>",
        ] {
            assert_eq!(echo(ok).as_deref(), Some(ok));
        }
        for refused in [
            "<script>alert(1)</script>",
            r#"<p data-any="1"></p>"#,
            r#"<line x2="1" x1="0" y1="0" y2="0" class="a"></line>"#,
            r#"<p onclick="x"></p>"#,
            r#"<p style="x"></p>"#,
            r#"<svg><a href="javascript:x"></a></svg>"#,
            r#"<svg><foreignObject></foreignObject></svg>"#,
            "<p class=x></p>",
            "<p class='x'></p>",
            r#"<p class="x></p>"#,
            "<p><span></p></span>",
            "<p>",
            "</p>",
            "text outside",
            "<p></p>after",
            "<p></p><p></p>",
            "<></>",
            "<p></p><></>",
            "<p><></p></>",
            "<p><span></></span></p>",
            "",
        ] {
            assert_eq!(echo(refused), None, "{refused}");
        }
    }
}
