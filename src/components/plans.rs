//! "Plans compared" (SPEC §5.1, §8): the four plans of the report's `plans[]` in a table
//! (cores freed, servers avoided, what each costs, its net present value over the futures,
//! the chance it pays and the chance the DPU beats it, what it needs and gives up), the best
//! plan marked, a plan that does not apply saying why in one line, and the chart of each
//! plan's NPV range. The embed's card says the best plan in one line. Every figure is the
//! report's; each carries `data-plan-field` with its raw number in `data-value`. Plain
//! functions, not components: the page renders them inside its own components.

use dpu_engine::format::{count, money, percent};
use dpu_engine::plans::{PlanId, PlanRow};
use dpu_engine::render::REQUIRED_ONLY;
use dpu_engine::{Report, Verdict};
use yew::prelude::*;

use super::charts::{cores, drawn_by_the_app, plans_chart, raw};
use super::sources::source_links;

/// A figure with its hook: `data-plan-field` and the raw number (`null` for none).
fn figure(field: &'static str, value: Option<f64>, text: String) -> Html {
    html! {
        <span data-plan-field={field} data-value={value.map_or_else(|| "null".to_owned(), raw)}>{text}</span>
    }
}

/// A share as the table reads it ("62.5 %"), or a dash for none; a share that rounds to
/// 100 % or 0 % without being it says so ("over 99.9 %": some futures do not pay).
fn share(value: Option<f64>) -> String {
    match value {
        None => "—".to_owned(),
        Some(v) if v < 1.0 && percent(v) == percent(1.0) => format!("over {}", percent(0.999)),
        Some(v) if v > 0.0 && percent(v) == percent(0.0) => format!("under {}", percent(0.001)),
        Some(v) => percent(v),
    }
}

/// The column headings; each cell repeats its own as `data-label` for the stacked rows of
/// a narrow screen.
const HEADS: [&str; 8] = [
    "Plan",
    "Cores freed per host",
    "Servers avoided",
    "Extra cost per host",
    "Net present value: median (8 in 10 futures)",
    "Pays off",
    "The DPU beats it",
    "Needs, and gives up",
];

/// One plan's row: its name, then its figures, or why it does not apply.
fn row(r: &Report, p: &PlanRow, embedded: bool) -> Html {
    let cur = r.currency.as_str();
    let best = p.id == r.best_plan;
    let u = &r.uncertainty;
    let cash = |v: Option<f64>| v.map(|v| money(v, cur)).unwrap_or_default();
    let cells: Vec<Html> = match (p.cores_freed_per_host, p.servers_avoided) {
        (Some(z), Some(a)) => vec![
            figure("cores_freed_per_host", Some(z), cores(z)),
            figure(
                "servers_avoided",
                Some(a as f64),
                count(a as f64, "server", "servers"),
            ),
            figure(
                "premium_per_host",
                p.premium_per_host,
                cash(p.premium_per_host),
            ),
            html! {<>
                {figure("npv_p50", p.npv_p50, cash(p.npv_p50))}
                <span class="npv-range">
                    {" ("}{figure("npv_p10", p.npv_p10, cash(p.npv_p10))}
                    {" to "}{figure("npv_p90", p.npv_p90, cash(p.npv_p90))}{")"}
                </span>
            </>},
            figure("p_pays", p.p_pays, share(p.p_pays)),
            match p.id {
                PlanId::Dpu => html! {<>
                    {figure("p_worth_it", Some(u.p_worth_it), format!("pays in {}", share(Some(u.p_worth_it))))}
                    {"; "}
                    {figure("p_best", Some(u.p_best), if r.verdict == Verdict::Required {
                        REQUIRED_ONLY.to_owned()
                    } else {
                        format!("best of all in {}", share(Some(u.p_best)))
                    })}
                </>},
                // Beating doing nothing is paying off.
                PlanId::DoNothing => {
                    figure("p_worth_it", Some(u.p_worth_it), percent(u.p_worth_it))
                }
                _ => figure("p_dpu_beats", p.p_dpu_beats, share(p.p_dpu_beats)),
            },
            html! {<>
                {format!("{} Gives up: {} ", p.needs, p.loses)}
                {source_links(&p.sources, embedded)}
            </>},
        ],
        _ => Vec::new(),
    };
    html! {
        <tr data-plan={p.id.wire()} data-applies={p.applies.to_string()} data-best={best.then_some("")}
            data-rival={p.rival.to_string()} class={best.then_some("plan-best")}>
            <th scope="row">
                <span class="plan-name">{p.name.clone()}</span>
                if best {
                    <span class="best-tag">{"Best plan"}</span>
                }
            </th>
            for (head, cell) in HEADS[1..].iter().zip(cells) {
                <td data-label={*head}>{cell}</td>
            }
            if let Some(why) = p.why_not.as_ref().filter(|_| !p.applies) {
                <td colspan="7" class="why-not" data-plan-field="why_not">{format!("Does not apply: {why}")}</td>
            }
        </tr>
    }
}

/// "Plans compared": the table (`#plans`) and the chart.
pub fn plans_section(r: &Report, embedded: bool) -> Html {
    html! {
        <section class="plans" aria-labelledby="plans-title">
            <h2 id="plans-title">{"Plans compared"}</h2>
            <p class="plans-lead">{format!(
                "The DPU against the ways to the same result without one, each over the same futures; \
                 the money over {}, extra cost per host over today's NIC.",
                count(r.lifetime_years, "year", "years")
            )}</p>
            <div class="plans-table" role="region" aria-label="Plans compared: the table" tabindex="0">
                <table id="plans" data-best-plan={r.best_plan.wire()}>
                    <thead>
                        <tr>
                            for h in HEADS.iter() {
                                <th scope="col">{*h}</th>
                            }
                        </tr>
                    </thead>
                    <tbody>
                        for p in r.plans.iter() {
                            {row(r, p, embedded)}
                        }
                    </tbody>
                </table>
            </div>
            if drawn_by_the_app() {
                {plans_chart(r)}
            }
        </section>
    }
}

/// The card's one line: "Best plan: … (pays in … of futures)", or doing nothing.
pub fn best_plan_text(r: &Report) -> String {
    match r.plans.iter().find(|p| p.id == r.best_plan) {
        Some(p) if r.verdict == Verdict::Required && p.id == PlanId::Dpu => {
            format!(
                "Best plan: {} (the only plan that does what is asked)",
                p.name
            )
        }
        Some(p) if p.id != PlanId::DoNothing => format!(
            "Best plan: {} (pays in {} of futures)",
            p.name,
            share(p.p_pays)
        ),
        _ => "Best plan: do nothing (no other plan pays in most futures)".to_owned(),
    }
}

/// The card's line about the best plan, with its hook.
pub fn best_plan_line(r: &Report) -> Html {
    html! {
        <p class="best-plan" data-best-plan={r.best_plan.wire()}>{best_plan_text(r)}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpu_engine::presets::PRESETS;

    #[test]
    fn a_share_never_rounds_to_all_or_none_when_it_is_not() {
        assert_eq!(share(Some(0.9995)), "over 99.9 %");
        assert_eq!(share(Some(1.0)), "100 %");
        assert_eq!(share(Some(0.0004)), "under 0.1 %");
        assert_eq!(share(Some(0.0)), "0 %");
        assert_eq!(share(Some(0.625)), "62.5 %");
        assert_eq!(share(None), "—");
    }

    #[test]
    fn the_best_plan_line_names_the_plan_or_doing_nothing() {
        for p in PRESETS {
            let r = dpu_engine::evaluate(&p.scenario().expect("valid preset"));
            let line = best_plan_text(&r);
            let best = r.plans.iter().find(|row| row.id == r.best_plan);
            match best {
                // A required DPU (the bare-metal cloud) is the best plan whatever it pays.
                Some(row) if r.verdict == Verdict::Required => assert_eq!(
                    line,
                    format!(
                        "Best plan: {} (the only plan that does what is asked)",
                        row.name
                    ),
                    "{}",
                    p.name
                ),
                Some(row) if row.id != PlanId::DoNothing => {
                    assert!(
                        line.starts_with(&format!("Best plan: {} (pays in ", row.name)),
                        "{}: {line}",
                        p.name
                    );
                    assert!(line.contains(&share(row.p_pays)), "{}: {line}", p.name);
                }
                _ => assert_eq!(
                    line,
                    "Best plan: do nothing (no other plan pays in most futures)"
                ),
            }
        }
    }
}
