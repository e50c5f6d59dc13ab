//! How numbers read in explanations, the CLI and the page: one place, so all three agree.

/// A number with thousands separators and at most `decimals` decimals, trailing zeros trimmed.
///
/// ```
/// use dpu_engine::format::num;
/// assert_eq!(num(1_562_500.0, 2), "1,562,500");
/// assert_eq!(num(1.5625, 2), "1.56");
/// assert_eq!(num(-0.5, 1), "-0.5");
/// assert_eq!(num(2.0, 2), "2");
/// ```
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "n/a".to_owned()
        } else if x > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = x < 0.0 && (int.chars().any(|c| c != '0') || !frac.is_empty());
    let sign = if negative { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A figure with as many decimals as its size deserves (2 below 10, 1 below 100, else 0).
///
/// ```
/// assert_eq!(dpu_engine::format::auto(1.5625), "1.56");
/// assert_eq!(dpu_engine::format::auto(43.21), "43.2");
/// assert_eq!(dpu_engine::format::auto(81_356.68), "81,357");
/// ```
pub fn auto(x: f64) -> String {
    let a = x.abs();
    let decimals = if a < 10.0 {
        2
    } else if a < 100.0 {
        1
    } else {
        0
    };
    num(x, decimals)
}

/// Money: the currency label and a whole amount, e.g. `USD 81,357` or `USD -81,357`.
pub fn money(x: f64, currency: &str) -> String {
    let amount = num(x, 0);
    if currency.is_empty() {
        amount
    } else {
        format!("{currency} {amount}")
    }
}

/// A share as a percentage, e.g. `2.4 %`.
pub fn percent(share: f64) -> String {
    format!("{} %", num(share * 100.0, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(x: f64, decimals: usize, want: &str) {
        assert_eq!(num(x, decimals), want);
    }

    #[test]
    fn numbers() {
        check(0.0, 2, "0");
        check(-0.0, 2, "0");
        check(-0.001, 2, "0");
        check(999.0, 0, "999");
        check(1000.0, 0, "1,000");
        check(123_456_789.4, 0, "123,456,789");
        check(-1234.5, 1, "-1,234.5");
        check(0.6251, 2, "0.63");
        check(f64::NAN, 2, "n/a");
        check(f64::INFINITY, 2, "∞");
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(money(-81_356.68, "USD"), "USD -81,357");
        assert_eq!(money(150_403.2, ""), "150,403");
        assert_eq!(percent(0.0244140625), "2.4 %");
    }
}
