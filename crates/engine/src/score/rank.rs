//! Ranking: descending ranks with ties listed by adcode, in the whole data set and within each prefecture.
//!
//! [`Ranker::rank_into`] is the crate's one routine that turns scores into ranks: the scorer, the
//! analyses' Monte Carlo loop and weight checks, the county profile and the calibration all call it.

use super::tie_key;
use crate::model::Dataset;
use std::collections::HashMap;

/// The order in which tied units are listed (usually adcode order) and each unit's prefecture, gathered
/// once per data set in linear time when the units already stand in adcode order (as imported and
/// bundled data sets do).
#[derive(Clone, Debug)]
pub struct TieOrder {
    /// Each unit's position in tie order (adcode order); a permutation of `0..n`.
    position: Vec<u32>,
    /// The units in tie order: the inverse of `position`.
    by_position: Vec<u32>,
    /// Each unit's prefecture as a small id, numbered in order of first appearance.
    prefecture: Vec<u32>,
    n_prefectures: usize,
}

impl TieOrder {
    /// Ties listed by adcode.
    pub fn by_adcode(data: &Dataset) -> Self {
        let position = adcode_positions(data);
        let mut ties = Self::from_positions(position);
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut prev: Option<(&str, u32)> = None;
        ties.prefecture = data
            .units
            .iter()
            .map(|unit| {
                let name = unit.prefecture_zh.as_str();
                // Units of one prefecture usually stand together, so most look-ups stop at the previous unit.
                let id = match prev {
                    Some((p, id)) if p == name => id,
                    _ => {
                        let next = ids.len() as u32;
                        *ids.entry(name).or_insert(next)
                    }
                };
                prev = Some((name, id));
                id
            })
            .collect();
        ties.n_prefectures = ids.len().max(1);
        ties
    }

    /// A tie order from the given tie positions (a permutation) and every unit in one prefecture.
    fn from_positions(position: Vec<u32>) -> Self {
        let mut by_position = vec![0u32; position.len()];
        for (u, &p) in position.iter().enumerate() {
            by_position[p as usize] = u as u32;
        }
        Self {
            prefecture: vec![0; position.len()],
            n_prefectures: 1,
            position,
            by_position,
        }
    }

    /// Ties among `n` units listed as in `listed`; units it leaves out come after those it lists, by
    /// index, and a unit listed twice takes its last place. Every unit is in one prefecture.
    pub fn listed(n: usize, listed: &[usize]) -> Self {
        let mut last = vec![usize::MAX; n];
        for (pos, &u) in listed.iter().enumerate() {
            last[u] = pos;
        }
        let by_position = listed
            .iter()
            .enumerate()
            .filter(|&(pos, &u)| last[u] == pos)
            .map(|(_, &u)| u)
            .chain((0..n).filter(|&u| last[u] == usize::MAX));
        let mut position = vec![0u32; n];
        for (pos, u) in by_position.enumerate() {
            position[u] = pos as u32;
        }
        Self::from_positions(position)
    }

    /// The units in tie order.
    pub fn units(&self) -> impl Iterator<Item = usize> + '_ {
        self.by_position.iter().map(|&u| u as usize)
    }
}

/// Each unit's position in adcode order. Codes are compared by their first eight bytes as an integer and
/// in full only where those agree; when those integers already increase the positions are the identity.
fn adcode_positions(data: &Dataset) -> Vec<u32> {
    let prefix = |code: &str| {
        let mut bytes = [0u8; 8];
        for (b, c) in bytes.iter_mut().zip(code.bytes()) {
            *b = c;
        }
        u64::from_be_bytes(bytes)
    };
    let prefixes: Vec<u64> = data.units.iter().map(|unit| prefix(&unit.adcode)).collect();
    // A prefix that is strictly greater than the one before implies a greater code.
    if prefixes.windows(2).all(|w| w[0] < w[1]) {
        return (0..prefixes.len() as u32).collect();
    }
    let order = crate::sorting::sorted_indices(prefixes.len(), &|a, b| {
        prefixes[a]
            .cmp(&prefixes[b])
            .then_with(|| data.units[a].adcode.cmp(&data.units[b].adcode))
    });
    let mut position = vec![0u32; order.len()];
    for (pos, &u) in order.iter().enumerate() {
        position[u] = pos as u32;
    }
    position
}

/// A column of per-unit values inside a larger array: unit `u` lives at `u * stride + offset`.
#[derive(Clone, Copy, Debug)]
pub struct Strided {
    pub stride: usize,
    pub offset: usize,
}

impl Strided {
    pub const PLAIN: Strided = Strided {
        stride: 1,
        offset: 0,
    };
    fn at(self, u: usize) -> usize {
        u * self.stride + self.offset
    }
}

/// The ranking routine with its reusable buffers, so that ranking many columns or many Monte Carlo
/// samples allocates nothing after the first.
#[derive(Default)]
pub struct Ranker {
    packed: Vec<u64>,
    wide: Vec<(u64, u32)>,
    spare: Vec<u64>,
    bound: Vec<u32>,
}

impl Ranker {
    /// Ranks the scores at `at` descending into `rank` at the same places: one plus the number of units
    /// with a strictly greater [`tie_key`], so scores that agree to `TIE_DECIMALS` decimals tie and share
    /// the better rank (1, 2, 2, 4); NaN is unranked (0). When `order` is given, pushes the ranked units
    /// in rank order onto it, ties in `ties` order. `ties` covers the units `0..n` that `at` places.
    pub fn rank_into(
        &mut self,
        ties: &TieOrder,
        scores: &[f64],
        rank: &mut [u32],
        at: Strided,
        order: Option<&mut Vec<usize>>,
    ) {
        let n = ties.position.len();
        // `tie_key` never decreases as the score grows, so the extreme keys are the extreme scores' keys.
        let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
        for u in 0..n {
            let s = scores[at.at(u)];
            min = min.min(s);
            max = max.max(s);
        }
        if min > max {
            for u in 0..n {
                rank[at.at(u)] = 0;
            }
            return;
        }
        let (lo, hi) = (tie_key(min), tie_key(max));
        // One u64 per unit, the key's distance below the highest key above the tie position, sorts as
        // (descending key, ascending position) when both fit; otherwise a wider pair does the same.
        let bits = usize::BITS - n.saturating_sub(1).leading_zeros();
        let span = hi.wrapping_sub(lo) as u64;
        if bits == 0 || span >> (64 - bits) == 0 {
            self.packed.clear();
            let packed = &mut self.packed;
            each_ranked(ties, scores, rank, at, hi, |distance, position| {
                packed.push(distance << bits | position as u64)
            });
            let used = 64 - (span << bits | mask_of(bits)).leading_zeros();
            if self.packed.len() >= BUCKETS_FROM {
                bucket_sort(&mut self.packed, &mut self.spare, &mut self.bound, used);
            } else {
                self.packed.sort_unstable();
            }
            let mask = mask_of(bits);
            let ranked = self.packed.iter().map(|&p| (p >> bits, (p & mask) as u32));
            assign(ties, ranked, rank, at, order);
        } else {
            self.wide.clear();
            let wide = &mut self.wide;
            each_ranked(ties, scores, rank, at, hi, |distance, position| {
                wide.push((distance, position))
            });
            self.wide.sort_unstable();
            assign(ties, self.wide.iter().copied(), rank, at, order);
        }
    }
}

/// Calls `push` with each ranked unit's key distance below `hi` and its tie position, in unit order, and
/// marks the units without a score (NaN) unranked.
fn each_ranked(
    ties: &TieOrder,
    scores: &[f64],
    rank: &mut [u32],
    at: Strided,
    hi: i64,
    mut push: impl FnMut(u64, u32),
) {
    for (u, &position) in ties.position.iter().enumerate() {
        let s = scores[at.at(u)];
        if s.is_nan() {
            rank[at.at(u)] = 0;
        } else {
            push(hi.wrapping_sub(tie_key(s)) as u64, position);
        }
    }
}

/// From this many ranked units on, distributing into buckets first beats sorting outright.
const BUCKETS_FROM: usize = 1024;

/// The low `bits` bits set.
fn mask_of(bits: u32) -> u64 {
    if bits == 0 {
        0
    } else {
        u64::MAX >> (64 - bits)
    }
}

/// Sorts keys below `2^used` ascending: one pass distributes them by their top bits into buckets (about
/// one for every two keys), then each bucket is sorted. The sorted keys end up in `keys`, which swaps
/// places with the scratch vector `buffer`; `bound` is scratch space too.
fn bucket_sort(keys: &mut Vec<u64>, buffer: &mut Vec<u64>, bound: &mut Vec<u32>, used: u32) {
    let bucket_bits = (usize::BITS - keys.len().leading_zeros())
        .saturating_sub(1)
        .min(12);
    // A key's bucket is its top `bucket_bits` of `used` bits; with one bucket and all 64 bits used the
    // shift is 64, which `checked_shr` turns into bucket 0.
    let shift = used.saturating_sub(bucket_bits);
    let bucket_of = |k: u64| k.checked_shr(shift).unwrap_or(0) as usize;
    // First the count of each bucket one place up, then their starts, then (after placing) their ends.
    bound.clear();
    bound.resize((1 << bucket_bits) + 1, 0);
    for &k in keys.iter() {
        bound[bucket_of(k) + 1] += 1;
    }
    for b in 1..bound.len() {
        bound[b] += bound[b - 1];
    }
    buffer.clear();
    buffer.resize(keys.len(), 0);
    for &k in keys.iter() {
        let slot = &mut bound[bucket_of(k)];
        buffer[*slot as usize] = k;
        *slot += 1;
    }
    let mut begin = 0;
    for &end in &bound[..bound.len() - 1] {
        let bucket = &mut buffer[begin as usize..end as usize];
        if bucket.len() > 1 {
            bucket.sort_unstable();
        }
        begin = end;
    }
    std::mem::swap(keys, buffer);
}

/// Gives ranks from (key distance, tie position) pairs in ranking order.
fn assign(
    ties: &TieOrder,
    ranked: impl Iterator<Item = (u64, u32)>,
    rank: &mut [u32],
    at: Strided,
    mut order: Option<&mut Vec<usize>>,
) {
    let mut prev = (u64::MAX, 0u32);
    for (pos, (key, tie)) in ranked.enumerate() {
        if pos == 0 || key != prev.0 {
            prev = (key, pos as u32 + 1);
        }
        let u = ties.by_position[tie as usize] as usize;
        rank[at.at(u)] = prev.1;
        if let Some(order) = order.as_deref_mut() {
            order.push(u);
        }
    }
}

/// Ranks within each prefecture into `out`, from the overall `order` of the ranked units; `seen` is
/// scratch space.
pub(super) fn prefecture_ranks_into(
    ties: &TieOrder,
    composite: &[f64],
    order: &[usize],
    seen: &mut Vec<(u32, i64, u32)>,
    out: &mut Vec<u32>,
) {
    out.clear();
    out.resize(composite.len(), 0);
    // Per prefecture: units seen so far, the last key and the rank it got.
    seen.clear();
    seen.resize(ties.n_prefectures, (0, 0, 0));
    for &u in order.iter().filter(|&&u| !composite[u].is_nan()) {
        let s = &mut seen[ties.prefecture[u] as usize];
        let key = tie_key(composite[u]);
        s.0 += 1;
        if s.0 == 1 || s.1 != key {
            s.1 = key;
            s.2 = s.0;
        }
        out[u] = s.2;
    }
}

/// Unit indices sorted by adcode, the order ties are listed in.
pub fn adcode_order(data: &Dataset) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..data.n_units()).collect();
    crate::sorting::sort_indices(&mut idx, &|a, b| {
        data.units[a].adcode.cmp(&data.units[b].adcode)
    });
    idx
}

/// Ranks by descending score as [`Ranker::rank_into`] does, into fresh vectors; `tie_order` lists the
/// units in the order ties are broken (see [`TieOrder::listed`]). Returns the ranks and the ranked units
/// in rank order.
pub fn rank_descending(scores: &[f64], tie_order: &[usize]) -> (Vec<u32>, Vec<usize>) {
    let n = scores.len();
    let ties = TieOrder::listed(n, tie_order);
    let mut rank = vec![0u32; n];
    let mut order = Vec::with_capacity(n);
    Ranker::default().rank_into(&ties, scores, &mut rank, Strided::PLAIN, Some(&mut order));
    (rank, order)
}

#[cfg(test)]
mod tests;
