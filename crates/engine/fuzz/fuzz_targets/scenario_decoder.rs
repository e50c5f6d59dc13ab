//! Fuzzes the scenario decoder: any bytes in, either a validated scenario that evaluates to
//! finite numbers or an error naming a field; never a panic.
#![no_main]

use dpu_engine::{Options, Scenario, evaluate_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Scenario::from_json(text) {
        Ok(scenario) => {
            assert!(scenario.validate().is_ok());
            let report = evaluate_with(&scenario, Options { samples: 16, seed: 1 });
            assert!(report.cost.net_saving.is_finite());
            assert!(report.cost.networking_cores_per_host.is_finite());
            assert!(report.uncertainty.net_saving_p90.is_finite());
            // Edits from the page go through the same decoder.
            let _ = scenario.with_text("traffic.gbps_per_host", text);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
