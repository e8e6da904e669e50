//! Sorting through a few monomorphic helpers, so that the page's WebAssembly holds one copy of the
//! standard library's stable sort instead of one per element type and comparator (each copy is several
//! kilobytes of code), and floats share the unstable sort of `u64` that ranking uses.
//!
//! Ranking's own unstable sorts (`score::Ranker`) stay as they are: they run on every weight move and
//! every Monte Carlo sample, and there a call through a comparator costs time.

use std::cmp::Ordering;

/// Sorts indices stably by `cmp`, which compares the elements the indices stand for.
pub fn sort_indices(idx: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// The indices `0..n` in stable order of `cmp`: exactly the permutation a stable sort of the elements
/// themselves by the same comparison would apply.
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    sort_indices(&mut idx, cmp);
    idx
}

/// Sorts a vector stably by `cmp`, with the same result as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().map(|&i| {
        slots[i]
            .take()
            .expect("a permutation lists each index once")
    }));
}

/// Sorts a vector stably by a key, with the same result as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// An unsigned integer that orders as `x.total_cmp` does.
fn total_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

fn from_total_key(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 {
        key & !(1 << 63)
    } else {
        !key
    })
}

/// Sorts floats as `v.sort_by(f64::total_cmp)` does (values equal in that order are identical bits, so
/// the result does not depend on the sort being stable).
pub fn sort_f64(v: &mut [f64]) {
    let mut keys: Vec<u64> = v.iter().map(|&x| total_key(x)).collect();
    keys.sort_unstable();
    for (x, k) in v.iter_mut().zip(keys) {
        *x = from_total_key(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::proptest_config(256))]

        #[test]
        fn sort_by_matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..4, any::<u16>()), 0..60)) {
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v;
            sort_by_key(&mut got, |p| p.0);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn sort_f64_matches_total_cmp(v in proptest::collection::vec(any::<f64>(), 0..60)) {
            let mut want = v.clone();
            want.sort_by(f64::total_cmp);
            let mut got = v;
            sort_f64(&mut got);
            let bits = |s: &[f64]| s.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&got), bits(&want));
        }
    }

    #[test]
    fn sort_f64_orders_signed_zeros_infinities_and_nan() {
        let mut v = vec![
            f64::NAN,
            0.0,
            -0.0,
            f64::INFINITY,
            -1.5,
            f64::NEG_INFINITY,
            -f64::NAN,
        ];
        sort_f64(&mut v);
        assert!(v[0].is_nan() && v[0].is_sign_negative());
        assert_eq!(v[1..3], [f64::NEG_INFINITY, -1.5]);
        assert!(v[3] == 0.0 && v[3].is_sign_negative() && v[4].is_sign_positive());
        assert_eq!(v[5], f64::INFINITY);
        assert!(v[6].is_nan() && v[6].is_sign_positive());
    }
}
