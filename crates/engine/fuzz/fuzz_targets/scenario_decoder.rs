//! Fuzzes everything that reads hostile text: the scenario decoder, the link decoder, the
//! saved-scenarios document and the page's edits. Any bytes in: a validated scenario that
//! evaluates to finite numbers and renders as text and Markdown, or an error with a message;
//! never a panic.
#![no_main]

use dpu_engine::fields::FIELDS;
use dpu_engine::{Options, Scenario, evaluate_with, saved, share};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Scenario::from_json(text) {
        Ok(scenario) => {
            assert!(scenario.validate().is_ok());
            let report = evaluate_with(&scenario, Options { samples: 16, seed: 1 });
            assert!(report.cost.net_saving.is_finite() && report.cost.npv.is_finite());
            assert!(report.cost.networking_cores_per_host.is_finite());
            assert!(report.uncertainty.net_saving_p90.is_finite());
            // Model 3: every plan that applies has finite figures; p_best ≤ p_worth_it.
            assert!(report.uncertainty.p_best <= report.uncertainty.p_worth_it);
            for plan in &report.plans {
                assert_eq!(plan.applies, plan.npv_p50.is_some());
                assert!(plan.npv_p50.is_none_or(f64::is_finite));
                assert!(plan.cores_freed_per_host.is_none_or(f64::is_finite));
            }
            // The CLI's and the Copy-as-Markdown reports render whatever the numbers are.
            assert!(!dpu_engine::render::text(&report, &scenario).is_empty());
            assert!(!dpu_engine::render::markdown(&report, &scenario).is_empty());
            assert_eq!(share::decode(&share::encode(&scenario)).ok(), Some(scenario.clone()));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let _ = share::decode(text);
    let _ = saved::parse(Some(text));
    // Edits from the page: the text into one field, chosen by the first byte.
    let field = &FIELDS[usize::from(data.first().copied().unwrap_or(0)) % FIELDS.len()];
    if let Ok(edited) = Scenario::default().with_text(field.path, text) {
        assert!(edited.validate().is_ok());
    }
    let _ = Scenario::default().with_text(&format!("{}.likely", field.path), text);
});
