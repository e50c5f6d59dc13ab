//! The app's one integration-test binary: server-side renders natively, real DOM in wasm.

#[cfg(not(target_arch = "wasm32"))]
mod charts;
#[cfg(not(target_arch = "wasm32"))]
mod ssr;

#[cfg(target_arch = "wasm32")]
mod browser;
