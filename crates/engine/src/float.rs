//! Floats as text and text as floats, character for character as std writes and reads them
//! (`{}`, `{:.N}`, `{:e}`, `str::parse`), in exact integer arithmetic on a small bignum.
//!
//! std's float formatting and parsing carry tables of powers of ten and two algorithms per
//! direction (a fast one and an exact fallback); in the page that is some 25 KB of gzip, most
//! of it tables that do not compress. Here is only the exact half: the digits come from
//! Burger and Dybvig's algorithm as core's Dragon fallback runs it (shortest digits, and
//! exact digits for a fixed precision, ties to even), and text is read with correct
//! rounding (ties to even). The tests compare every function with std on random values.

use std::cmp::Ordering;

/// A non-negative integer: little-endian base-2³² digits, without zero digits on top.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn new(x: u64) -> Big {
        let mut b = Big(vec![x as u32, (x >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    fn mul_small(&mut self, m: u32) -> &mut Big {
        let mut carry = 0u64;
        for d in &mut self.0 {
            let v = u64::from(*d) * u64::from(m) + carry;
            *d = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self.trim();
        self
    }

    fn mul_pow2(&mut self, n: usize) -> &mut Big {
        if self.is_zero() {
            return self;
        }
        let bits = n % 32;
        if bits > 0 {
            let mut carry = 0;
            for d in &mut self.0 {
                let next = *d >> (32 - bits);
                *d = (*d << bits) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        let mut shifted = vec![0; n / 32];
        shifted.append(&mut self.0);
        self.0 = shifted;
        self
    }

    fn mul_pow10(&mut self, mut n: usize) -> &mut Big {
        while n >= 9 {
            self.mul_small(1_000_000_000);
            n -= 9;
        }
        self.mul_small(10u32.pow(n as u32))
    }

    fn add(&mut self, other: &Big) -> &mut Big {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        let mut carry = 0u64;
        for (i, d) in self.0.iter_mut().enumerate() {
            let v = u64::from(*d) + u64::from(other.0.get(i).copied().unwrap_or(0)) + carry;
            *d = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
        self
    }

    /// `self - other`; `other` must not be larger.
    fn sub(&mut self, other: &Big) -> &mut Big {
        let mut borrow = 0i64;
        for (i, d) in self.0.iter_mut().enumerate() {
            let v = i64::from(*d) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            *d = v as u32;
            borrow = i64::from(v < 0);
        }
        self.trim();
        self
    }

    /// Divides in place; returns the remainder.
    fn div_rem_small(&mut self, divisor: u32) -> u32 {
        let mut rem = 0u64;
        for d in self.0.iter_mut().rev() {
            let v = (rem << 32) | u64::from(*d);
            *d = (v / u64::from(divisor)) as u32;
            rem = v % u64::from(divisor);
        }
        self.trim();
        rem as u32
    }

    fn sum(&self, other: &Big) -> Big {
        let mut s = self.clone();
        s.add(other);
        s
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Big) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A positive finite float as core decodes it: `mant · 2^exp`, and every value from
/// `(mant - minus) · 2^exp` to `(mant + plus) · 2^exp` reads back as it (the ends included
/// when `inclusive`).
struct Decoded {
    mant: u64,
    minus: u64,
    plus: u64,
    exp: i16,
    inclusive: bool,
}

/// What a float is, before its digits.
enum Kind {
    Nan,
    Infinite,
    Zero,
    Finite(Decoded),
}

/// The sign (true when negative) and the kind of `x`, as core's `flt2dec::decode`.
fn decode(x: f64) -> (bool, Kind) {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i16;
    let fraction = bits & ((1 << 52) - 1);
    let kind = match (biased, fraction) {
        (0x7ff, 0) => Kind::Infinite,
        (0x7ff, _) => Kind::Nan,
        (0, 0) => Kind::Zero,
        // core reads a subnormal's mantissa doubled, so it is always even.
        (0, _) => Kind::Finite(Decoded {
            mant: fraction << 1,
            minus: 1,
            plus: 1,
            exp: -1075,
            inclusive: true,
        }),
        _ => {
            let mant = fraction | (1 << 52);
            let exp = biased - 1075;
            if fraction == 0 {
                // A power of two: the float below is nearer than the one above.
                Kind::Finite(Decoded {
                    mant: mant << 2,
                    minus: 1,
                    plus: 2,
                    exp: exp - 2,
                    inclusive: true,
                })
            } else {
                Kind::Finite(Decoded {
                    mant: mant << 1,
                    minus: 1,
                    plus: 1,
                    exp: exp - 1,
                    inclusive: mant & 1 == 0,
                })
            }
        }
    };
    (negative, kind)
}

/// `k` with `10^(k-1) < mant · 2^exp <= 10^(k+1)` (core's estimator: never too high).
fn estimate(mant: u64, exp: i16) -> i16 {
    let nbits = 64 - i64::from((mant - 1).leading_zeros());
    (((nbits + i64::from(exp)) * 1_292_913_986) >> 32) as i16
}

/// `mant`, `scale` with `mant / scale = value / 10^k` (value = `mant · 2^exp`).
fn scaled(mant: u64, exp: i16, k: i16, more: &mut [&mut Big]) -> (Big, Big) {
    let mut mant = Big::new(mant);
    let mut scale = Big::new(1);
    let shift = usize::from(exp.unsigned_abs());
    if exp < 0 {
        scale.mul_pow2(shift);
    } else {
        mant.mul_pow2(shift);
        for b in more.iter_mut() {
            b.mul_pow2(shift);
        }
    }
    let k10 = usize::from(k.unsigned_abs());
    if k >= 0 {
        scale.mul_pow10(k10);
    } else {
        mant.mul_pow10(k10);
        for b in more.iter_mut() {
            b.mul_pow10(k10);
        }
    }
    (mant, scale)
}

/// The next digit, `floor(mant / scale)` (below 10), leaving the remainder in `mant`.
fn digit(mant: &mut Big, scales: &[Big; 4]) -> u8 {
    let mut d = 0;
    for (s, weight) in scales.iter().zip([8, 4, 2, 1]) {
        if *mant >= *s {
            mant.sub(s);
            d += weight;
        }
    }
    d
}

/// `scale` times 8, 4, 2 and 1.
fn multiples(scale: &Big) -> [Big; 4] {
    let times = |n| {
        let mut s = scale.clone();
        s.mul_pow2(n);
        s
    };
    [times(3), times(2), times(1), scale.clone()]
}

/// Adds one to the last digit; `Some` of an extra digit when all were nines.
fn round_up(d: &mut [u8]) -> Option<u8> {
    match d.iter().rposition(|&c| c != b'9') {
        Some(i) => {
            d[i] += 1;
            d[i + 1..].fill(b'0');
            None
        }
        None if d.is_empty() => Some(b'1'),
        None => {
            d[0] = b'1';
            d[1..].fill(b'0');
            Some(b'0')
        }
    }
}

/// The shortest digits that read back as the value, and `k`: value ≈ `0.digits · 10^k`.
/// When the value lies exactly halfway between the two candidates for the last digit, core
/// rounds up; `even_ties` picks the even digit instead, as serde_json's writer does.
fn shortest_digits(d: &Decoded, even_ties: bool) -> (Vec<u8>, i16) {
    let below = |a: &Big, b: &Big| if d.inclusive { a <= b } else { a < b };
    let mut k = estimate(d.mant + d.plus, d.exp);
    let mut minus = Big::new(d.minus);
    let mut plus = Big::new(d.plus);
    let (mut mant, scale) = scaled(d.mant, d.exp, k, &mut [&mut minus, &mut plus]);
    if below(&scale, &mant.sum(&plus)) {
        k += 1;
    } else {
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    }
    let scales = multiples(&scale);
    let mut digits = Vec::with_capacity(17);
    let (down, up) = loop {
        digits.push(b'0' + digit(&mut mant, &scales));
        let down = below(&mant, &minus);
        let up = below(&scale, &mant.sum(&plus));
        if down || up {
            break (down, up);
        }
        for b in [&mut mant, &mut minus, &mut plus] {
            b.mul_small(10);
        }
    };
    let round_up_last = up
        && (!down
            || match (*mant.mul_pow2(1)).cmp(&scale) {
                Ordering::Equal => !even_ties || digits.last().is_some_and(|c| c & 1 == 1),
                order => order == Ordering::Greater,
            });
    if round_up_last && let Some(c) = round_up(&mut digits) {
        digits.push(c);
        k += 1;
    }
    (digits, k)
}

/// The exact digits down to the position `10^limit`, rounded half to even, and `k`.
fn exact_digits(d: &Decoded, limit: i16) -> (Vec<u8>, i16) {
    // core's buffer for the exact digits: more are never produced.
    let max_len = 21 + ((if d.exp < 0 { -12 } else { 5 } * i32::from(d.exp)) as usize >> 4);
    let mut k = estimate(d.mant, d.exp);
    let (mut mant, mut scale) = scaled(d.mant, d.exp, k, &mut []);
    let mut half_ulp = scale.clone();
    let mut n = max_len;
    while n > 9 {
        half_ulp.div_rem_small(1_000_000_000);
        n -= 9;
    }
    half_ulp.div_rem_small(10u32.pow(n as u32) << 1);
    half_ulp.add(&mant);
    if half_ulp >= scale {
        k += 1;
    } else {
        mant.mul_small(10);
    }
    let mut len = if k < limit {
        0
    } else {
        usize::try_from(i32::from(k) - i32::from(limit))
            .unwrap_or(0)
            .min(max_len)
    };
    let mut digits = Vec::with_capacity(len);
    if len > 0 {
        let scales = multiples(&scale);
        for _ in 0..len {
            if mant.is_zero() {
                digits.resize(len, b'0');
                return (digits, k);
            }
            digits.push(b'0' + digit(&mut mant, &scales));
            mant.mul_small(10);
        }
    }
    let order = mant.cmp(scale.mul_small(5));
    let odd = digits.last().is_some_and(|c| c & 1 == 1);
    if (order == Ordering::Greater || (order == Ordering::Equal && odd))
        && let Some(c) = round_up(&mut digits)
    {
        k += 1;
        if k > limit && len < max_len {
            digits.push(c);
            len += 1;
        }
    }
    debug_assert_eq!(digits.len(), len);
    (digits, k)
}

/// `0.digits · 10^exp` in positional notation with at least `frac` decimals (core's
/// `digits_to_dec_str`).
fn positional(out: &mut String, digits: &[u8], exp: i16, frac: usize) {
    let digits = std::str::from_utf8(digits).unwrap_or_default();
    let zeros = |out: &mut String, n: usize| out.extend(std::iter::repeat_n('0', n));
    if exp <= 0 {
        let minus_exp = usize::from(exp.unsigned_abs());
        out.push_str("0.");
        zeros(out, minus_exp);
        out.push_str(digits);
        zeros(out, frac.saturating_sub(digits.len() + minus_exp));
    } else {
        let exp = usize::from(exp.unsigned_abs());
        if exp < digits.len() {
            out.push_str(&digits[..exp]);
            out.push('.');
            out.push_str(&digits[exp..]);
            zeros(out, frac.saturating_sub(digits.len() - exp));
        } else {
            out.push_str(digits);
            zeros(out, exp - digits.len());
            if frac > 0 {
                out.push('.');
                zeros(out, frac);
            }
        }
    }
}

/// The sign and the text of a value that has no digits to compute, if `x` is one.
fn special(x: f64, zero: &str) -> Result<(bool, Decoded), String> {
    let (negative, kind) = decode(x);
    let sign = if negative { "-" } else { "" };
    match kind {
        Kind::Nan => Err("NaN".to_owned()),
        Kind::Infinite => Err(format!("{sign}inf")),
        Kind::Zero => Err(format!("{sign}{zero}")),
        Kind::Finite(d) => Ok((negative, d)),
    }
}

/// `x` as `{}` writes it: the shortest digits that read back as `x`, never an exponent.
///
/// ```
/// use dpu_engine::float::shortest;
/// assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
/// assert_eq!(shortest(1e21), "1000000000000000000000");
/// assert_eq!(shortest(-2.0), "-2");
/// ```
pub fn shortest(x: f64) -> String {
    match special(x, "0") {
        Err(text) => text,
        Ok((negative, d)) => {
            let (digits, exp) = shortest_digits(&d, false);
            let mut out = String::from(if negative { "-" } else { "" });
            positional(&mut out, &digits, exp, 0);
            out
        }
    }
}

/// `x` as `{:.N}` writes it: exactly `decimals` decimals, rounded half to even.
///
/// ```
/// use dpu_engine::float::fixed;
/// assert_eq!(fixed(2.5, 0), "2");
/// assert_eq!(fixed(0.125, 2), "0.12");
/// assert_eq!(fixed(1.005, 2), "1.00"); // 1.005 is 1.00499999999999989…
/// ```
pub fn fixed(x: f64, decimals: usize) -> String {
    if let (negative, Kind::Finite(d)) = decode(x)
        && let Some(text) = fixed_in_u64(negative, &d, decimals)
    {
        return text;
    }
    fixed_exact(x, decimals)
}

/// [`fixed`] by the bignum: every value and any number of decimals.
fn fixed_exact(x: f64, decimals: usize) -> String {
    let zero = if decimals > 0 {
        format!("0.{}", "0".repeat(decimals))
    } else {
        "0".to_owned()
    };
    match special(x, &zero) {
        Err(text) => text,
        Ok((negative, d)) => {
            let limit = i16::try_from(decimals).map_or(i16::MIN, |n| -n);
            let (digits, exp) = exact_digits(&d, limit);
            let sign = if negative { "-" } else { "" };
            if exp <= limit {
                return format!("{sign}{zero}");
            }
            let mut out = String::from(sign);
            positional(&mut out, &digits, exp, decimals);
            out
        }
    }
}

/// [`fixed`] in one 64-bit integer, when it fits: the page writes hundreds of figures and
/// chart coordinates per edit, and the bignum took a tenth of an edit's time. The value is
/// `mant · 2^exp` exactly, so `mant · 10^decimals` shifted by `exp` is the figure in units of
/// the last decimal, with the shifted-out bits deciding the rounding (half to even, as
/// `exact_digits`). `None` (the bignum's case) when `mant · 10^decimals` or the units do not
/// fit in a u64: in practice above 3 decimals or above about 10^19 units. (u64, not u128:
/// 128-bit arithmetic would bring compiler-builtins code into the page.)
fn fixed_in_u64(negative: bool, d: &Decoded, decimals: usize) -> Option<String> {
    let scaled = d
        .mant
        .checked_mul(10u64.checked_pow(u32::try_from(decimals).ok()?)?)?;
    let shift = u32::from(d.exp.unsigned_abs());
    let units = if d.exp >= 0 {
        if scaled.leading_zeros() <= shift {
            return None;
        }
        scaled << shift
    } else if shift >= 64 {
        // Below one unit: it rounds up only above half of one (scaled < 2^64 ≤ 2^shift).
        u64::from(shift == 64 && scaled > 1 << 63)
    } else {
        let q = scaled >> shift;
        let rest = scaled - (q << shift);
        let half = 1u64 << (shift - 1);
        q + u64::from(rest > half || (rest == half && q & 1 == 1))
    };
    // The digits, least significant first, then the point after `decimals` of them.
    let mut digits = Vec::with_capacity(24);
    let mut n = units;
    while n > 0 || digits.len() <= decimals {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    let mut out = String::with_capacity(digits.len() + 2);
    if negative {
        out.push('-');
    }
    for (i, c) in digits.iter().enumerate().rev() {
        out.push(char::from(*c));
        if i == decimals && i > 0 {
            out.push('.');
        }
    }
    Some(out)
}

/// `x` as `{:e}` writes it: the shortest digits with an exponent (`1e300`, `2.5e-7`).
pub fn exponential(x: f64) -> String {
    match special(x, "0e0") {
        Err(text) => text,
        Ok((negative, d)) => {
            let (digits, exp) = shortest_digits(&d, false);
            let digits = std::str::from_utf8(&digits).unwrap_or_default();
            let sign = if negative { "-" } else { "" };
            let (first, rest) = digits.split_at(1);
            let dot = if rest.is_empty() { "" } else { "." };
            format!("{sign}{first}{dot}{rest}e{}", i32::from(exp) - 1)
        }
    }
}

/// The shortest digits of a finite, non-zero `|x|` and its decimal exponent `k`, with
/// `|x| ≈ 0.digits · 10^k`, as serde_json writes them (a last digit exactly halfway goes to
/// the even one, where `{}` rounds up); `None` for zero, infinities and NaN.
pub fn json_digits(x: f64) -> Option<(Vec<u8>, i16)> {
    match decode(x).1 {
        Kind::Finite(d) => Some(shortest_digits(&d, true)),
        _ => None,
    }
}

/// The float nearest to `digits · 10^exp10` (ties to even): `digits` are ASCII decimal
/// digits, maybe with leading zeros. Too large a value gives infinity, too small zero.
pub fn from_decimal(digits: &[u8], exp10: i64) -> f64 {
    let digits = &digits[digits.iter().take_while(|&&c| c == b'0').count()..];
    let kept = digits.len() - digits.iter().rev().take_while(|&&c| c == b'0').count();
    let mut exp10 = exp10.saturating_add((digits.len() - kept) as i64);
    let mut digits = &digits[..kept];
    if digits.is_empty() {
        return 0.0;
    }
    // A float lies exactly halfway between two others with at most 767 significant digits,
    // so beyond 800 digits only whether any is non-zero can matter (a sticky bit).
    let mut sticky = false;
    if digits.len() > 800 {
        sticky = digits[800..].iter().any(|&c| c != b'0');
        exp10 = exp10.saturating_add(digits.len() as i64 - 800);
        digits = &digits[..800];
    }
    let magnitude = digits.len() as i64 + exp10; // value < 10^magnitude
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -324 {
        return 0.0;
    }
    let mut n = Big::new(0);
    for chunk in digits.chunks(9) {
        let part = chunk
            .iter()
            .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
        n.mul_small(10u32.pow(chunk.len() as u32));
        n.add(&Big::new(u64::from(part)));
    }
    let mut d = Big::new(1);
    if exp10 >= 0 {
        n.mul_pow10(exp10 as usize);
    } else {
        d.mul_pow10(exp10.unsigned_abs() as usize);
    }
    // q = floor(n / d) with 63 or 64 bits: value = (q + a remainder) · 2^-shift.
    let shift = d.bits() as i64 - n.bits() as i64 + 63;
    if shift >= 0 {
        n.mul_pow2(shift as usize);
    } else {
        d.mul_pow2(shift.unsigned_abs() as usize);
    }
    let mut q = 0u64;
    for bit in (0..64).rev() {
        let mut part = d.clone();
        part.mul_pow2(bit);
        if n >= part {
            n.sub(&part);
            q |= 1 << bit;
        }
    }
    round(q, -shift, sticky || !n.is_zero())
}

/// The float nearest to `(q + r) · 2^e2`, where `0 < r < 1` when `sticky` and `r = 0` else;
/// `q` has at least 55 bits when `sticky`.
fn round(q: u64, e2: i64, sticky: bool) -> f64 {
    let bits = i64::from(64 - q.leading_zeros());
    // Keep 53 bits, or fewer below the smallest exponent (subnormals).
    let shift = (bits - 53).max(-1074 - e2);
    let (mut m, mut e) = if shift <= 0 {
        (u128::from(q) << shift.unsigned_abs(), e2 + shift)
    } else if shift >= 128 {
        (0, e2 + shift)
    } else {
        let q = u128::from(q);
        let m = q >> shift;
        let rest = q & ((1 << shift) - 1);
        let half = 1 << (shift - 1);
        let up = rest > half || (rest == half && (sticky || m & 1 == 1));
        (m + u128::from(up), e2 + shift)
    };
    if m == 1 << 53 {
        m >>= 1;
        e += 1;
    }
    if m == 0 {
        return 0.0;
    }
    let m = m as u64;
    if m < 1 << 52 {
        return f64::from_bits(m); // subnormal: e is -1074
    }
    let biased = e + 1075;
    if biased >= 0x7ff {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (m & ((1 << 52) - 1)))
}

/// `x.clamp(lo, hi)` for `lo <= hi`, without std's check: its panic message formats `lo`
/// and `hi` with std's float machinery, which would come back into the page with it.
///
/// ```
/// use dpu_engine::float::clamp;
/// assert_eq!((clamp(-1.0, 0.0, 2.0), clamp(3.0, 0.0, 2.0), clamp(1.5, 0.0, 2.0)), (0.0, 2.0, 1.5));
/// assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
/// ```
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}

/// Reads a number in decimal notation as `str::parse::<f64>` does: an optional sign,
/// digits with at most one `.` (at least one digit), and an optional exponent (`e` or `E`,
/// an optional sign, digits). `None` for anything else, `inf` and `NaN` included.
///
/// ```
/// use dpu_engine::float::parse;
/// assert_eq!(parse("-2.5e3"), Some(-2500.0));
/// assert_eq!(parse(".5"), Some(0.5));
/// assert_eq!(parse("1e400"), Some(f64::INFINITY));
/// assert_eq!(parse("1e"), None);
/// ```
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let mantissa_len = rest
        .iter()
        .position(|c| matches!(c, b'e' | b'E'))
        .unwrap_or(rest.len());
    let (mantissa, exponent) = rest.split_at(mantissa_len);
    let (int, frac) = match mantissa.iter().position(|&c| c == b'.') {
        Some(dot) => (&mantissa[..dot], &mantissa[dot + 1..]),
        None => (mantissa, &[][..]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int.len() + frac.len() == 0 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let exp10 = match exponent {
        [] => 0,
        [_, rest @ ..] => {
            let (minus, digits) = match rest {
                [b'-', d @ ..] => (true, d),
                [b'+', d @ ..] => (false, d),
                d => (false, d),
            };
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            let e = digits
                .iter()
                .fold(0i64, |acc, c| (acc * 10 + i64::from(c - b'0')).min(1 << 40));
            if minus { -e } else { e }
        }
    };
    let digits: Vec<u8> = int.iter().chain(frac).copied().collect();
    let x = from_decimal(&digits, exp10 - frac.len() as i64);
    Some(if negative { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn check_fixed(x: f64, decimals: usize) {
        let want = format!("{x:.decimals$}");
        assert_eq!(fixed(x, decimals), want, "{x:e} {decimals}");
        // Both ways of writing it, not only the one `fixed` takes.
        assert_eq!(fixed_exact(x, decimals), want, "{x:e} {decimals} (bignum)");
    }

    /// The page's usual figures take the u64 path (the bignum would give the same text,
    /// slowly): money, cores, shares, prices; far past a u64's reach they do not.
    #[test]
    fn the_usual_figures_take_the_fast_path() {
        let fast = |x: f64, decimals: usize| match decode(x) {
            (negative, Kind::Finite(d)) => fixed_in_u64(negative, &d, decimals),
            _ => None,
        };
        for (x, decimals) in [
            (118_830.4, 0),
            (-105_025.0, 0),
            (16.4, 1),
            (25.6, 1),
            (0.145, 3),
            (42.67, 2),
            (2f64.powi(-10), 3),
        ] {
            assert_eq!(
                fast(x, decimals),
                Some(format!("{x:.decimals$}")),
                "{x} {decimals}"
            );
        }
        assert_eq!(fast(1e300, 2), None);
        assert_eq!(fast(1.5, 30), None);
    }

    #[track_caller]
    fn check_shortest(x: f64) {
        assert_eq!(shortest(x), x.to_string(), "{x:e}");
        assert_eq!(exponential(x), format!("{x:e}"), "{x:?}");
    }

    #[track_caller]
    fn check_parse(text: &str) {
        let want = text.parse::<f64>().ok();
        let got = parse(text);
        assert_eq!(got.map(f64::to_bits), want.map(f64::to_bits), "{text:?}");
    }

    /// Values where rounding is delicate: ties, powers of two, the ends of the range.
    const HARD: &[f64] = &[
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        -2.5,
        0.125,
        0.375,
        1.005,
        2.675,
        9.995,
        0.045,
        1e-7,
        1e15,
        1e21,
        1e22,
        1e23,
        9007199254740993.0,
        123_456.789,
        999.9999,
        0.1,
        0.2,
        0.3,
        1.0 / 3.0,
        2.0 / 3.0,
        5e-324,
        1e-323,
        f64::MIN_POSITIVE,
        f64::from_bits(0x000f_ffff_ffff_ffff), // the largest subnormal
        1.7976931348623157e308,
        f64::EPSILON,
        1_152_921_504_606_846_976.0,
        4.35,
        0.95,
        99.5,
        0.05,
    ];

    #[test]
    fn fixed_matches_std() {
        // Values whose units sit 64 binary places down: 2^-10 (0.977 of a thousandth) rounds
        // up to one, 2^-11 · 1.0000001 (0.49) stays at none.
        for x in [
            2f64.powi(-10),
            1.9 * 2f64.powi(-11),
            1.000_000_1 * 2f64.powi(-11),
        ] {
            check_fixed(x, 3);
            check_fixed(-x, 3);
        }
        for &x in HARD {
            for decimals in 0..=20 {
                check_fixed(x, decimals);
                check_fixed(-x, decimals);
            }
        }
        check_fixed(f64::NAN, 2);
        check_fixed(f64::INFINITY, 2);
        check_fixed(f64::NEG_INFINITY, 0);
        check_fixed(1e-300, 400);
        check_fixed(0.5, 0);
        check_fixed(9.5, 0);
        check_fixed(0.05, 1);
    }

    #[test]
    fn shortest_matches_std() {
        for &x in HARD {
            check_shortest(x);
            check_shortest(-x);
        }
        check_shortest(f64::NAN);
        check_shortest(f64::INFINITY);
        check_shortest(f64::NEG_INFINITY);
        for e in -1074..=1023 {
            check_shortest(2f64.powi(e));
        }
        for e in -325..=308 {
            check_shortest(format!("1e{e}").parse().unwrap_or(0.0));
        }
    }

    #[test]
    fn parse_matches_std() {
        for text in [
            "0",
            "-0",
            "+0",
            "1",
            "1.",
            ".5",
            ".",
            "",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1e-5",
            "1E5",
            "01.50",
            "1.5.5",
            "1e5e5",
            "--1",
            "+-1",
            "1_0",
            "0.1",
            "0.30000000000000004",
            "2.2250738585072011e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e400",
            "1e-400",
            "9007199254740993",
            "9007199254740992.5",
            "123456789012345678901234567890",
            "0.000000000000000000000000000000000000000001",
            "1e99999999999999999999",
            "0e99999999999999999999",
            "1e-99999999999999999999",
        ] {
            check_parse(text);
        }
        // Unlike std, only decimal notation.
        assert_eq!(parse("inf"), None);
        assert_eq!(parse("NaN"), None);
        let long = format!("0.{}1", "0".repeat(1000));
        check_parse(&long);
        // Halfway between two floats, decided by a digit far beyond the 800th.
        let halfway = "9007199254740993";
        check_parse(&format!("{halfway}.{}1", "0".repeat(900)));
        check_parse(&format!("{halfway}.{}", "0".repeat(900)));
        check_parse(&format!("{halfway}{}e-900", "0".repeat(900)));
    }

    #[test]
    fn digits_are_the_shortest() {
        assert_eq!(json_digits(0.3), Some((b"3".to_vec(), 0)));
        assert_eq!(json_digits(-1234.5), Some((b"12345".to_vec(), 4)));
        assert_eq!(json_digits(0.0), None);
        assert_eq!(json_digits(f64::NAN), None);
        // Exactly 825490455841106.25: .2 and .3 both read back, and are equally near.
        let tie = f64::from_bits(0x4307_763b_cb16_4a92);
        assert_eq!(shortest(tie), "825490455841106.3");
        assert_eq!(json_digits(tie), Some((b"8254904558411062".to_vec(), 15)));
    }

    /// Any float (NaN and infinities too), and many ordinary ones.
    fn any_float() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<u64>().prop_map(f64::from_bits),
            -1e7f64..1e7,
            (-100_000i64..100_000).prop_map(|n| n as f64 / 1000.0),
        ]
    }

    proptest! {
        #[test]
        fn fixed_matches_std_everywhere(x in any_float(), decimals in 0usize..12) {
            check_fixed(x, decimals);
        }

        /// Around the 128-bit path's edges: ties (k + ½ in units of the last decimal), tiny
        /// values, many decimals, values near 2^64 units where it hands over to the bignum.
        #[test]
        fn fixed_matches_std_at_the_fast_paths_edges(
            k in -1_000_000i64..1_000_000,
            decimals in 0usize..20,
            e in -1100i32..80,
            m in 1u64..(1 << 53),
        ) {
            check_fixed((k as f64 + 0.5) / 10f64.powi(decimals as i32), decimals);
            check_fixed(m as f64 * 2f64.powi(e), decimals);
        }

        #[test]
        fn shortest_matches_std_everywhere(x in any_float()) {
            check_shortest(x);
        }

        #[test]
        fn parse_reads_std_text_back(x in any_float()) {
            prop_assume!(x.is_finite());
            check_parse(&x.to_string());
            check_parse(&format!("{x:e}"));
            check_parse(&format!("{x:.3}"));
        }

        #[test]
        fn parse_matches_std_on_decimal_text(text in "[-+]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][-+]?[0-9]{1,4})?") {
            check_parse(&text);
        }

        #[test]
        fn parse_matches_std_on_any_mix(text in "[-+.eE0-9]{0,12}") {
            check_parse(&text);
        }
    }
}
