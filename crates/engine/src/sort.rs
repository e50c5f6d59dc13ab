//! Small sorts and a selection: std's `sort_by` is a large generic (driftsort and its
//! quicksort, one copy per element type and comparison), and the page ships one copy per
//! call site. The engine ranks 10,000 samples and sorts a few short lists; these give exactly
//! std's results. The percentiles of the samples come from [`select_floats`] (linear on
//! average) rather than a sort: with the plans of model 3 there are four lists of 10,000 to
//! rank, and a heapsort of each was over half the evaluation's time.

use std::cmp::Ordering;

/// Sorts floats by [`f64::total_cmp`] (heapsort: in place, O(n log n), one copy in the
/// binary). The order is total, so the result is the one `v.sort_by(f64::total_cmp)` gives.
pub fn floats(v: &mut [f64]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Puts the `k`-th smallest element of `v` (by [`f64::total_cmp`], counting from 0) at
/// `v[k]`, every element that orders before it in `v[..k]` and every one that orders after
/// it in `v[k + 1..]`: `v[k]` is then what `floats` would put there. Quickselect with a
/// three-way partition (ties, common when the samples' outcome does not vary, cost one pass)
/// around the median of three; after `2·log2(n) + 4` rounds without an answer it sorts what
/// is left, so the worst case stays O(n log n). Out-of-range `k` leaves `v` as it is.
pub fn select_floats(v: &mut [f64], k: usize) {
    select_by(v, k, f64::total_cmp);
}

/// [`select_floats`] by `cmp` (the tests count its comparisons).
fn select_by(v: &mut [f64], k: usize, cmp: impl Fn(&f64, &f64) -> Ordering) {
    let (mut lo, mut hi) = (0, v.len());
    if k >= hi {
        return;
    }
    let mut rounds = 2 * (usize::BITS - hi.leading_zeros()) + 4;
    while hi - lo > 8 && rounds > 0 {
        rounds -= 1;
        let (a, b, c) = (v[lo], v[lo + (hi - lo) / 2], v[hi - 1]);
        let pivot = if cmp(&a, &b).is_lt() == cmp(&b, &c).is_lt() {
            b
        } else if cmp(&a, &b).is_lt() == cmp(&a, &c).is_lt() {
            c
        } else {
            a
        };
        // v[lo..lt] < pivot, v[lt..i] == pivot, v[gt..hi] > pivot.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            match cmp(&v[i], &pivot) {
                Ordering::Less => {
                    v.swap(lt, i);
                    lt += 1;
                    i += 1;
                }
                Ordering::Greater => {
                    gt -= 1;
                    v.swap(i, gt);
                }
                Ordering::Equal => i += 1,
            }
        }
        if k < lt {
            hi = lt;
        } else if k >= gt {
            lo = gt;
        } else {
            return;
        }
    }
    heap_by(&mut v[lo..hi], |a, b| cmp(a, b).is_lt());
}

/// Moves `v[root]` down the max-heap `v[..end]` to where it belongs.
fn sift_down(v: &mut [f64], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child].total_cmp(&v[child + 1]) == Ordering::Less {
            child += 1;
        }
        if v[root].total_cmp(&v[child]) != Ordering::Less {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// Sorts by `less` (heapsort: in place, O(n log n) comparisons and moves whatever the input,
/// not stable). For a JSON object's members, whose keys the reader then requires unique, so
/// the order of equal elements never shows.
pub fn heap_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let sift = |v: &mut [T], mut root: usize, end: usize| {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && less(&v[child], &v[child + 1]) {
                child += 1;
            }
            if !less(&v[root], &v[child]) {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    };
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// A stable sort for short lists (insertion sort): equal elements keep their order, as with
/// `sort_by`. `before(a, b)` says whether `a` must come before `b`. Quadratic: for the tens
/// of findings, tornado bars and chart labels, not for samples.
pub fn stable_by<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn heap_by_sorts_in_n_log_n_comparisons() {
        for n in [0usize, 1, 2, 3, 10, 1000, 160_000] {
            // Reversed, sorted and shuffled inputs: the worst cases of an insertion sort.
            for order in 0..3u64 {
                let mut v: Vec<u64> = (0..n as u64)
                    .map(|i| match order {
                        0 => n as u64 - i,
                        1 => i,
                        _ => i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 20,
                    })
                    .collect();
                let mut want = v.clone();
                want.sort_unstable();
                let count = std::cell::Cell::new(0u64);
                heap_by(&mut v, |a, b| {
                    count.set(count.get() + 1);
                    a < b
                });
                assert_eq!(v, want);
                let log = (usize::BITS - n.leading_zeros()) as u64;
                assert!(
                    count.get() <= 3 * n as u64 * log.max(1),
                    "{n}: {}",
                    count.get()
                );
            }
        }
    }

    #[track_caller]
    fn check_floats(input: &[f64]) {
        let mut got = input.to_vec();
        floats(&mut got);
        let mut want = input.to_vec();
        want.sort_by(f64::total_cmp);
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&got), bits(&want), "{input:?}");
    }

    #[test]
    fn floats_sort_like_total_cmp() {
        check_floats(&[]);
        check_floats(&[1.0]);
        check_floats(&[2.0, 1.0]);
        check_floats(&[3.0, 1.0, 2.0]);
        check_floats(&[1.0, 1.0, 1.0]);
        check_floats(&[5.0, 4.0, 3.0, 2.0, 1.0, 0.0]);
        check_floats(&[0.0, -0.0, 0.0, -0.0]);
        check_floats(&[
            f64::NAN,
            1.0,
            f64::NEG_INFINITY,
            -f64::NAN,
            f64::INFINITY,
            -1.0,
        ]);
        check_floats(&[1e300, -1e-300, 5e-324, -5e-324, 0.0]);
    }

    #[track_caller]
    fn check_select(input: &[f64]) {
        let mut want = input.to_vec();
        want.sort_by(f64::total_cmp);
        for k in 0..input.len() {
            let mut got = input.to_vec();
            select_floats(&mut got, k);
            assert_eq!(got[k].to_bits(), want[k].to_bits(), "{k} of {input:?}");
            assert!(got[..k].iter().all(|x| x.total_cmp(&got[k]).is_le()));
            assert!(got[k + 1..].iter().all(|x| x.total_cmp(&got[k]).is_ge()));
            // The same elements, only moved.
            got.sort_by(f64::total_cmp);
            assert_eq!(
                got.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
                want.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
            );
        }
        let mut same = input.to_vec();
        select_floats(&mut same, input.len());
        assert_eq!(
            same.iter().map(|x| x.to_bits()).collect::<Vec<_>>(),
            input.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn select_finds_the_rank_of_total_cmp() {
        check_select(&[]);
        check_select(&[1.0]);
        check_select(&[0.0, -0.0, 0.0, -0.0, 1.0, -1.0, 0.0, -0.0, 0.0, -0.0, 2.0]);
        check_select(&[
            f64::NAN,
            1.0,
            f64::NEG_INFINITY,
            -f64::NAN,
            f64::INFINITY,
            -1.0,
        ]);
        check_select(&(0..40).map(f64::from).collect::<Vec<_>>());
        check_select(&(0..40).rev().map(f64::from).collect::<Vec<_>>());
        check_select(&[7.0; 33]);
    }

    /// Selection is linear on average: on shuffled input it compares each element a few
    /// times (a full sort, what a broken partition falls back to, takes 2·n·log2 n), and on
    /// the inputs that trouble a median of three the round limit keeps it within the sort's
    /// bound.
    #[test]
    fn select_compares_a_few_times_per_element() {
        let n = 20_000usize;
        let count = |input: &[f64], k: usize| {
            let calls = std::cell::Cell::new(0u64);
            let mut v = input.to_vec();
            select_by(&mut v, k, |a, b| {
                calls.set(calls.get() + 1);
                a.total_cmp(b)
            });
            let mut want = input.to_vec();
            want.sort_by(f64::total_cmp);
            assert_eq!(v[k], want[k]);
            calls.get()
        };
        let shuffled: Vec<f64> = (0..n as u64)
            .map(|i| (i.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 20) as f64)
            .collect();
        for k in [0, n / 10, n / 2, n - 1] {
            let c = count(&shuffled, k);
            assert!(c <= 6 * n as u64, "k = {k}: {c} comparisons");
        }
        let log = u64::from(usize::BITS - n.leading_zeros());
        let organ: Vec<f64> = (0..n).map(|i| i.min(n - i) as f64).collect();
        let few: Vec<f64> = (0..n).map(|i| (i % 7) as f64).collect();
        for input in [organ, few] {
            let c = count(&input, n / 2);
            assert!(c <= 4 * n as u64 * log, "{c} comparisons");
        }
    }

    /// Organ-pipe, few-valued and strided inputs, the shapes that trouble a median of three:
    /// the answer stays right (and the round limit bounds the work by construction).
    #[test]
    fn select_is_right_on_awkward_inputs() {
        let n = 20_000usize;
        let inputs: [Vec<f64>; 3] = [
            (0..n).map(|i| i.min(n - i) as f64).collect(),
            (0..n).map(|i| (i % 7) as f64).collect(),
            (0..n).map(|i| ((i * 7919) % n) as f64).collect(),
        ];
        for input in inputs {
            let mut want = input.clone();
            want.sort_by(f64::total_cmp);
            for k in [0, n / 10, n / 2, n - 1] {
                let mut got = input.clone();
                select_floats(&mut got, k);
                assert_eq!(got[k], want[k]);
            }
        }
    }

    #[test]
    fn stable_sort_keeps_equal_elements_in_order() {
        let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        stable_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(
            v,
            [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
        let mut empty: [u8; 0] = [];
        stable_by(&mut empty, |a, b| a < b);
        let mut desc = [1, 3, 2];
        stable_by(&mut desc, |a, b| a > b);
        assert_eq!(desc, [3, 2, 1]);
    }

    proptest! {
        #[test]
        fn floats_match_std(v in proptest::collection::vec(any::<f64>(), 0..300)) {
            check_floats(&v);
        }

        #[test]
        fn small_ranges_with_many_ties_match_std(v in proptest::collection::vec(-3i8..3, 0..300)) {
            check_floats(&v.iter().map(|x| f64::from(*x) / 2.0).collect::<Vec<_>>());
        }

        #[test]
        fn select_matches_std(v in proptest::collection::vec(any::<f64>(), 0..120)) {
            check_select(&v);
        }

        #[test]
        fn select_with_many_ties_matches_std(v in proptest::collection::vec(-3i8..3, 0..120)) {
            check_select(&v.iter().map(|x| f64::from(*x) / 2.0).collect::<Vec<_>>());
        }

        #[test]
        fn stable_by_matches_std(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut got = v.clone();
            stable_by(&mut got, |a, b| a.0 < b.0);
            let mut want = v;
            want.sort_by_key(|x| x.0);
            prop_assert_eq!(got, want);
        }
    }
}
