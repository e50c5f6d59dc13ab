//! Two small sorts: std's `sort_by` is a large generic (driftsort and its quicksort, one
//! copy per element type and comparison), and the page ships one copy per call site. The
//! engine sorts 10,000 samples and a few short lists; these give exactly std's results.

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
        fn stable_by_matches_std(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut got = v.clone();
            stable_by(&mut got, |a, b| a.0 < b.0);
            let mut want = v;
            want.sort_by_key(|x| x.0);
            prop_assert_eq!(got, want);
        }
    }
}
