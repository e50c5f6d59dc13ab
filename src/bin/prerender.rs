//! The build's pre-renderer: renders the page natively, with the same engine and components
//! the wasm runs, for the default scenario and every preset, as a full page and as an
//! embed, and prints each as JSON (`[{"path", "preset", "embed", "verdict", "html"}]`) for
//! `scripts/post-build.mjs`, which writes the pages into the build. The wasm then takes over
//! the same markup, so the verdict is on screen before any script runs.
//!
//! `cargo run --bin prerender` (natively; on wasm this binary does nothing).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use dpu_engine::presets::PRESETS;
    use dpu_reality_check::prerender::{Page, render_pages};

    let mut pages = vec![Page::new("", None, false), Page::new("embed/", None, true)];
    for p in PRESETS {
        pages.push(Page::new(
            &format!("presets/{}/", p.name),
            Some(p.name),
            false,
        ));
        pages.push(Page::new(&format!("embed/{}/", p.name), Some(p.name), true));
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| {
            eprintln!("prerender: no runtime: {e}");
            std::process::exit(1);
        });
    let json = runtime.block_on(render_pages(&pages));
    println!("{json}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
