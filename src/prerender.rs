//! Pre-rendering (native only): the page's HTML for one scenario and mode, exactly as the
//! app renders it, for the build to write into `dist/` (see `src/bin/prerender.rs`).

use dpu_engine::evaluate;
use serde_json::{Value, json};
use yew::LocalServerRenderer;

use crate::components::embed_panel::Deployment;
use crate::{App, AppProps};

/// One page to pre-render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where it goes, relative to the build's root (`""`, `presets/hype-case/`, `embed/`).
    pub path: String,
    /// The preset it shows (`None`: the default scenario).
    pub preset: Option<&'static str>,
    /// The embed's card rather than the full page.
    pub embed: bool,
}

impl Page {
    /// A page.
    pub fn new(path: &str, preset: Option<&'static str>, embed: bool) -> Self {
        Page {
            path: path.to_owned(),
            preset,
            embed,
        }
    }

    /// The build's root seen from this page (`./`, `../`, `../../`).
    pub fn root(&self) -> String {
        match self.path.split('/').filter(|p| !p.is_empty()).count() {
            0 => "./".to_owned(),
            n => "../".repeat(n),
        }
    }

    /// The props the wasm gives the app on this page (before it knows its address).
    pub fn props(&self) -> AppProps {
        AppProps {
            preset: self.preset.map(Into::into),
            embed: self.embed,
            namespace: if self.embed {
                "embed".into()
            } else {
                "main".into()
            },
            // Links from the page are relative to it: `../../` is the root two folders up.
            deployment: Deployment {
                root: self.root(),
                loader: None,
                pages: true,
            },
            ..AppProps::default()
        }
    }
}

/// The app's HTML for one page.
pub async fn render(page: &Page) -> String {
    crate::components::charts::prerendering(
        LocalServerRenderer::<App>::with_props(page.props())
            .hydratable(false)
            .render(),
    )
    .await
}

/// Every page as a JSON array of `{path, preset, embed, verdict, html}`.
pub async fn render_pages(pages: &[Page]) -> Value {
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        let scenario = page
            .preset
            .and_then(crate::state::preset_scenario)
            .map(|(s, _)| s)
            .unwrap_or_default();
        out.push(json!({
            "path": page.path,
            "preset": page.preset,
            "embed": page.embed,
            "verdict": evaluate(&scenario).verdict.wire(),
            "html": render(page).await,
        }));
    }
    Value::Array(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embed_loader_knows_every_preset_card() {
        let loader = include_str!("../assets/embed.js");
        let line = loader
            .lines()
            .find(|l| l.trim_start().starts_with("var CARDS = ["))
            .expect("embed.js lists the cards");
        let listed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let presets: Vec<&str> = dpu_engine::presets::PRESETS
            .iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(listed, presets, "assets/embed.js CARDS");
    }

    /// The pre-rendered pages leave the charts and the defaults' list to the app (see
    /// `components::charts::drawn_by_the_app`); the same page rendered otherwise, as the app
    /// renders it, has them all, and rendering a page does not leave the switch on.
    #[tokio::test]
    async fn pages_leave_the_charts_to_the_app() {
        let page = Page::new("", None, false);
        let charts = |html: &str| html.matches(r#"class="chart chart-"#).count();
        let pre = render(&page).await;
        assert!(
            pre.contains(r#"id="plans""#) && pre.contains("cost-title"),
            "the rest is there"
        );
        assert_eq!(charts(&pre), 0);
        assert!(!pre.contains("data-resolved="), "the defaults' list");
        assert!(
            !pre.contains("Defaults this answer rests on"),
            "nor its heading"
        );
        let app = LocalServerRenderer::<App>::with_props(page.props())
            .render()
            .await;
        assert_eq!(charts(&app), 5, "traffic, cost, cash flow, tornado, plans");
        assert!(app.contains("data-resolved="), "the defaults' list");
        assert!(crate::components::charts::drawn_by_the_app());
    }

    #[tokio::test]
    async fn every_page_carries_its_verdict() {
        let pages = [
            Page::new("", None, false),
            Page::new("embed/hype-case/", Some("hype-case"), true),
        ];
        let json = render_pages(&pages).await;
        let list = json.as_array().expect("an array");
        assert_eq!(list.len(), 2);
        for item in list {
            let html = item["html"].as_str().unwrap_or_default();
            let verdict = item["verdict"].as_str().unwrap_or_default();
            assert!(
                html.contains(&format!(r#"data-verdict="{verdict}""#)),
                "{}",
                item["path"]
            );
        }
        assert_eq!(list[1]["verdict"], "wrong_problem");
        assert!(
            list[1]["html"]
                .as_str()
                .unwrap_or_default()
                .contains(r#"href="../../presets/hype-case/""#),
            "the embed's link to the full page is relative to the card's page"
        );
    }
}
