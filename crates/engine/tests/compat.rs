//! Schema 1 as the first release wrote it: links, exported files and saved lists of the
//! model-1 page still load, keeping every value they carry (SPEC §3).

use dpu_engine::assumptions::{AssumptionId, Range};
use dpu_engine::choice::Datapath;
use dpu_engine::{Scenario, share};

/// What the model-1 page's "Export JSON" wrote for the defaults (every field, model-1
/// defaults included).
const MODEL1_EXPORT: &str = r#"{
  "schema": 1,
  "name": "",
  "goals": ["free_host_cpu"],
  "platform": {"kind": "vsphere", "vsphere": "8.0u3", "nsx": "4.2"},
  "workload": {"kind": "many_vms", "vms_per_host": 20},
  "dpu": {"model": "bluefield3", "per_host": 1, "factory_installed": true, "oem": "dell",
          "mixed_models_in_cluster": false},
  "features": [],
  "traffic": {"gbps_per_host": 10.0, "avg_packet_bytes": 800.0, "overlay": true,
              "overlay_nic_offload": true, "distributed_firewall": false, "encryption": "none"},
  "fleet": {"hosts": 32, "cores_per_host": 64, "ghz": 2.8, "server_price": 30000.0,
            "server_watts": 700.0, "rack_units_per_host": 1.0, "lifetime_years": 5.0},
  "costs": {"currency": "USD", "kwh_price": 0.15, "pue": 1.5, "rack_unit_year": 300.0,
            "license_per_core_year": 350.0, "licenses_follow_cores": true, "dpu_price": 2500.0,
            "nic_price": 500.0, "dpu_watts": 75.0, "nic_watts": 20.0, "dpu_license_year": 0.0},
  "assumptions": {
    "vswitch_gbps_per_core": {"low": 2.0, "likely": 10.0, "high": 25.0},
    "vswitch_mpps_per_core": {"low": 0.26, "likely": 1.0, "high": 7.0},
    "overlay_overhead": {"low": 0.0, "likely": 0.35, "high": 0.35},
    "firewall_overhead": {"low": 0.1, "likely": 0.25, "high": 1.0},
    "crypto_cycles_per_byte": {"low": 0.16, "likely": 0.64, "high": 2.8},
    "offload_fraction": {"low": 0.5, "likely": 0.8, "high": 0.95}
  }
}"#;

#[test]
fn a_model1_export_loads_with_its_values() {
    let s = Scenario::from_json(MODEL1_EXPORT).expect("a model-1 export loads");
    // What the file says is kept, though model 2's defaults differ.
    assert_eq!(s.costs.license_per_core_year, Some(350.0));
    assert_eq!(s.costs.licenses_follow_cores, Some(true));
    assert_eq!(s.costs.dpu_watts, Some(75.0));
    assert_eq!(
        s.assumptions.vswitch_gbps_per_core,
        Some(Range::new(2.0, 10.0, 25.0))
    );
    let r = s.resolve();
    assert_eq!(r.license_per_core_year, 350.0);
    assert_eq!(
        r.ranges.get(AssumptionId::FirewallOverhead),
        Range::new(0.1, 0.25, 1.0)
    );
    // What it does not say takes model 2's defaults.
    assert_eq!(s.fleet.cluster_hosts, 16);
    assert_eq!(r.datapath, Datapath::Kernel);
    assert_eq!(s.claim.cpu_freed_percent, 30.0);
    // And it exports again as the same scenario.
    assert_eq!(Scenario::from_json(&s.to_json_pretty()).unwrap(), s);
}

/// The link the model-1 page wrote: the fields that differed from its defaults, keys in
/// order, numbers as serde_json writes f64.
fn model1_link(json: &str) -> String {
    format!("1.{}", share::base64url_encode(json.as_bytes()))
}

#[test]
fn model1_links_load() {
    let link = model1_link(
        r#"{"costs":{"license_per_core_year":300.0},"name":"lab","schema":1,"traffic":{"gbps_per_host":40.0}}"#,
    );
    let s = share::decode(&link).expect("loads");
    assert_eq!(s.name, "lab");
    assert_eq!(s.traffic.gbps_per_host, 40.0);
    assert_eq!(s.costs.license_per_core_year, Some(300.0));
    // A field the old link left out takes today's default: 150 W for BlueField-3.
    assert_eq!(s.resolve().dpu_watts, 150.0);
    let link = model1_link(
        r#"{"assumptions":{"offload_fraction":{"high":0.95,"likely":0.6,"low":0.5}},"platform":{"vsphere":"9.0"},"schema":1}"#,
    );
    let s = share::decode(&link).expect("loads");
    assert_eq!(
        s.assumptions.offload_fraction,
        Some(Range::new(0.5, 0.6, 0.95))
    );
    assert_eq!(
        s.resolve().datapath,
        Datapath::Enhanced,
        "vSphere 9 resolves to EDP now"
    );
    // The model-1 presets, as the first release shipped them.
    let old_cloud = r#"{"name": "Bare-metal cloud", "goals": ["isolate_bare_metal_tenants"],
        "platform": {"kind": "bare_metal"}, "workload": {"kind": "bare_metal_apps"},
        "dpu": {"model": "bluefield3"}, "traffic": {"gbps_per_host": 60, "avg_packet_bytes": 700},
        "fleet": {"hosts": 200, "cores_per_host": 64}, "costs": {"licenses_follow_cores": false}}"#;
    assert!(Scenario::from_json(old_cloud).is_ok());
}

#[test]
fn a_model1_saved_list_loads() {
    let doc =
        format!(r#"{{"version": 1, "saved": [{{"name": "old", "scenario": {MODEL1_EXPORT}}}]}}"#);
    let list = dpu_engine::saved::parse(Some(&doc)).expect("reads");
    assert_eq!(list.len(), 1);
    assert_eq!(
        list[0].scenario.as_ref().map(|s| s.costs.dpu_watts),
        Ok(Some(75.0))
    );
}

#[test]
fn links_carry_only_what_the_user_set() {
    let s = Scenario::from_json(r#"{"costs": {"dpu_watts": 90}}"#).unwrap();
    let link = share::encode(&s);
    let json = String::from_utf8(share::base64url_decode(&link[2..]).unwrap()).unwrap();
    assert_eq!(json, r#"{"costs":{"dpu_watts":90.0},"schema":1}"#);
    // An unset resolved default travels as nothing, so the link follows the platform.
    let link = share::encode(&Scenario::from_json(r#"{"platform": {"kind": "kvm_ovs"}}"#).unwrap());
    let json = String::from_utf8(share::base64url_decode(&link[2..]).unwrap()).unwrap();
    assert_eq!(json, r#"{"platform":{"kind":"kvm_ovs"},"schema":1}"#);
}
