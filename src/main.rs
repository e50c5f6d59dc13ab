//! The wasm entry point Trunk builds; natively it only says where the page is.

#[cfg(target_arch = "wasm32")]
fn main() {
    dpu_reality_check::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "DPU Reality Check is a web page: run scripts/serve.sh and open http://127.0.0.1:8080"
    );
}
