//! The fast ranking paths against the straightforward ones they replaced.

use super::*;
use crate::model::{DatasetMeta, Unit};
use proptest::prelude::*;
use std::cmp::Reverse;

/// The ranking as first written: sort (reversed key, tie position, unit) tuples. (It negated the key,
/// which overflowed for scores below -9.2e9.)
fn reference_ranks(scores: &[f64], position: &[u32]) -> (Vec<u32>, Vec<usize>) {
    let mut t: Vec<(Reverse<i64>, u32, usize)> = (0..scores.len())
        .filter(|&u| !scores[u].is_nan())
        .map(|u| (Reverse(tie_key(scores[u])), position[u], u))
        .collect();
    t.sort();
    let mut rank = vec![0u32; scores.len()];
    let mut prev = (Reverse(i64::MIN), 0u32);
    for (pos, &(key, _, u)) in t.iter().enumerate() {
        if pos == 0 || key != prev.0 {
            prev = (key, pos as u32 + 1);
        }
        rank[u] = prev.1;
    }
    (rank, t.iter().map(|x| x.2).collect())
}

/// Prefecture ranks into fresh buffers.
fn prefecture_ranks(ties: &TieOrder, composite: &[f64], order: &[usize]) -> Vec<u32> {
    let mut out = Vec::new();
    prefecture_ranks_into(ties, composite, order, &mut Vec::new(), &mut out);
    out
}

/// Prefecture ranks as first written: a linear search by name per unit.
fn reference_prefecture_ranks(data: &Dataset, composite: &[f64], order: &[usize]) -> Vec<u32> {
    let mut out = vec![0u32; data.n_units()];
    let mut seen: Vec<(&str, u32, i64, u32)> = Vec::new();
    for &u in order.iter().filter(|&&u| !composite[u].is_nan()) {
        let pref = data.units[u].prefecture_zh.as_str();
        let key = tie_key(composite[u]);
        match seen.iter_mut().find(|s| s.0 == pref) {
            Some(s) => {
                s.1 += 1;
                if s.2 != key {
                    s.3 = s.1;
                    s.2 = key;
                }
                out[u] = s.3;
            }
            None => {
                seen.push((pref, 1, key, 1));
                out[u] = 1;
            }
        }
    }
    out
}

fn dataset(codes: &[String], prefectures: &[u8]) -> Dataset {
    let units = codes
        .iter()
        .zip(prefectures)
        .map(|(code, &p)| Unit {
            adcode: code.clone(),
            name_zh: String::new(),
            name_en: String::new(),
            prefecture_zh: ["甲市", "乙市", "", "丙市"][p as usize % 4].into(),
            lon: None,
            lat: None,
        })
        .collect();
    Dataset::new(DatasetMeta::default(), units, 0)
}

/// Scores from a few coarse levels (many ties), a near tie below the tie precision, NaN and extremes.
fn score_strategy() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => (0u8..6).prop_map(|l| l as f64 * 12.5),
        2 => 0.0f64..100.0,
        1 => (0u8..3).prop_map(|l| 25.0 + l as f64 * 4e-11),
        1 => Just(f64::NAN),
        1 => prop_oneof![Just(1e300), Just(-1e300), Just(-3.0e9), Just(9.3e9)],
    ]
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn index_ranks_match_the_straightforward_sort(
        rows in prop::collection::vec((0u32..40, 0u8..4, score_strategy()), 1..60),
        shuffle in any::<u64>(),
    ) {
        // Codes stand in order, or repeat a prefix of eight bytes in order or shuffled.
        let mut codes: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(u, r)| format!("3501{:02}{:03}", r.0, u))
            .collect();
        match shuffle % 3 {
            0 => codes = (0..rows.len()).map(|u| format!("35{:04}", u)).collect(),
            1 => codes.sort(),
            _ => {}
        }
        let prefectures: Vec<u8> = rows.iter().map(|r| r.1).collect();
        let scores: Vec<f64> = rows.iter().map(|r| r.2).collect();
        let data = dataset(&codes, &prefectures);
        let ties = TieOrder::by_adcode(&data);
        let mut rank = vec![7u32; scores.len()];
        let mut order = Vec::new();
        Ranker::default().rank_into(&ties, &scores, &mut rank, Strided::PLAIN, Some(&mut order));
        let (want_rank, want_order) = reference_ranks(&scores, &ties.position);
        prop_assert_eq!(&rank, &want_rank);
        prop_assert_eq!(&order, &want_order);
        prop_assert_eq!(
            prefecture_ranks(&ties, &scores, &order),
            reference_prefecture_ranks(&data, &scores, &order)
        );
        let tie_order = adcode_order(&data);
        prop_assert!(ties.units().eq(tie_order.iter().copied()));
        prop_assert_eq!(rank_descending(&scores, &tie_order), (want_rank, want_order));
    }

    #[test]
    fn strided_columns_rank_like_plain_ones(
        scores in prop::collection::vec(score_strategy(), 1..40),
        width in 1usize..4,
    ) {
        let n = scores.len();
        let codes: Vec<String> = (0..n).map(|u| format!("{:06}", 999_999 - u)).collect();
        let ties = TieOrder::by_adcode(&dataset(&codes, &vec![0; n]));
        let mut ranker = Ranker::default();
        let mut plain = vec![0u32; n];
        ranker.rank_into(&ties, &scores, &mut plain, Strided::PLAIN, None);
        let offset = width - 1;
        let mut wide_scores = vec![-1.0; n * width];
        for u in 0..n {
            wide_scores[u * width + offset] = scores[u];
        }
        let mut wide_rank = vec![9u32; n * width];
        let at = Strided { stride: width, offset };
        ranker.rank_into(&ties, &wide_scores, &mut wide_rank, at, None);
        for u in 0..n {
            prop_assert_eq!(wide_rank[u * width + offset], plain[u]);
        }
    }
}

/// Where a unit stands among ties when `listed` breaks them: listed units by their last listing, then
/// the rest by index.
fn naive_tie_place(listed: &[usize], u: usize) -> (bool, usize) {
    match listed.iter().rposition(|&v| v == u) {
        Some(pos) => (false, pos),
        None => (true, u),
    }
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn ranks_count_strictly_greater_tie_keys(
        columns in prop::collection::vec(prop::collection::vec(score_strategy(), 0..50), 1..4),
        listed in prop::collection::vec(0usize..64, 0..70),
    ) {
        // One ranker for several columns of different lengths, as the Monte Carlo loop reuses it.
        let mut ranker = Ranker::default();
        for scores in &columns {
            let n = scores.len();
            let listed: Vec<usize> = listed.iter().copied().filter(|&u| u < n).collect();
            let ties = TieOrder::listed(n, &listed);
            let mut rank = vec![u32::MAX; n];
            let mut order = vec![usize::MAX];
            ranker.rank_into(&ties, scores, &mut rank, Strided::PLAIN, Some(&mut order));
            prop_assert_eq!(order.remove(0), usize::MAX);
            for u in 0..n {
                let want = if scores[u].is_nan() {
                    0
                } else {
                    let key = tie_key(scores[u]);
                    1 + scores.iter().filter(|s| !s.is_nan() && tie_key(**s) > key).count() as u32
                };
                prop_assert_eq!(rank[u], want, "unit {} of {:?}", u, scores);
            }
            let mut ranked: Vec<usize> = (0..n).filter(|&u| !scores[u].is_nan()).collect();
            ranked.sort_by_key(|&u| (rank[u], naive_tie_place(&listed, u)));
            prop_assert_eq!(&order, &ranked);
            let mut by_place: Vec<usize> = (0..n).collect();
            by_place.sort_by_key(|&u| naive_tie_place(&listed, u));
            prop_assert!(ties.units().eq(by_place));
        }
    }
}

#[test]
fn large_columns_rank_like_the_straightforward_sort() {
    // Enough units for many buckets, with runs of ties, near ties, NaN and codes out of order.
    let n = 3000;
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let scores: Vec<f64> = (0..n)
        .map(|_| match next() % 10 {
            0 => f64::NAN,
            1..=4 => (next() % 50) as f64 * 2.0,
            5 => 40.0 + (next() % 3) as f64 * 3e-11,
            _ => (next() % 1_000_000_000) as f64 / 1e7,
        })
        .collect();
    let codes: Vec<String> = (0..n)
        .map(|_| format!("{:06}", next() % 1_000_000))
        .collect();
    let prefectures: Vec<u8> = (0..n).map(|u| (u / 7) as u8 % 4).collect();
    let data = dataset(&codes, &prefectures);
    let ties = TieOrder::by_adcode(&data);
    let mut rank = vec![0u32; n];
    let mut order = Vec::new();
    Ranker::default().rank_into(&ties, &scores, &mut rank, Strided::PLAIN, Some(&mut order));
    assert_eq!(
        (rank, order.clone()),
        reference_ranks(&scores, &ties.position)
    );
    assert_eq!(
        prefecture_ranks(&ties, &scores, &order),
        reference_prefecture_ranks(&data, &scores, &order)
    );
}

proptest! {
    #![proptest_config(crate::proptest_config(256))]

    #[test]
    fn bucket_sort_sorts(
        keys in prop::collection::vec(any::<u64>(), 0..300),
        used in 0u32..=64,
        crowd in 0u32..=64,
    ) {
        // Keys that agree in their top bits crowd into few buckets.
        let keys: Vec<u64> = keys.into_iter().map(|k| k & mask_of(used)).collect();
        let mut keys: Vec<u64> = keys.iter().map(|&k| (k & mask_of(crowd)) | (keys[0] & !mask_of(crowd))).collect();
        let mut want = keys.clone();
        want.sort_unstable();
        bucket_sort(&mut keys, &mut Vec::new(), &mut Vec::new(), used);
        prop_assert_eq!(keys, want);
    }
}

#[test]
fn bucket_sort_takes_one_key_using_all_64_bits() {
    // Found by the proptest above: one bucket and 64 used bits once shifted a key by 64.
    let mut one = vec![u64::MAX];
    bucket_sort(&mut one, &mut Vec::new(), &mut Vec::new(), 64);
    assert_eq!(one, vec![u64::MAX]);
    let mut keys = vec![u64::MAX, 0, 1 << 63];
    bucket_sort(&mut keys, &mut Vec::new(), &mut Vec::new(), 64);
    assert_eq!(keys, vec![0, 1 << 63, u64::MAX]);
}

#[test]
fn tie_order_leaves_out_and_repeats() {
    // Unit 3 is left out, so it comes last among its ties; unit 0 is listed twice and takes its last place.
    let scores = [5.0, 5.0, 5.0, 5.0, 1.0];
    let (rank, order) = rank_descending(&scores, &[0, 2, 1, 0, 4]);
    assert_eq!(rank, vec![1, 1, 1, 1, 5]);
    assert_eq!(order, vec![2, 1, 0, 3, 4]);
}
