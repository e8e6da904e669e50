//! Realising target scores as raw indicator values: column ranges stay fixed (their holders are locked), so a
//! county's normalised values move linearly with its own raw values and can be solved for directly.

use super::prior::round_to;
use crate::model::{Dataset, IndicatorSystem};

/// How the realisation may move one county's value of one indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lock {
    Free,
    /// Must not move: an anchored value, or the holder of its column's minimum or maximum.
    Pinned,
    Floor(f64),
    Ceiling(f64),
}

/// The fixed range of every column and the locks of every value (`u * n_indicators + i`).
pub struct Frame<'a> {
    pub system: &'a IndicatorSystem,
    pub min: Vec<f64>,
    pub max: Vec<f64>,
    pub locks: Vec<Lock>,
}

impl<'a> Frame<'a> {
    /// Takes the column ranges from the data and pins each column's first minimum and maximum holder.
    pub fn new(
        system: &'a IndicatorSystem,
        data: &Dataset,
        mut locks: Vec<Lock>,
        by_adcode: &[usize],
    ) -> Self {
        let n_ind = system.n_indicators();
        let (mut min, mut max) = (vec![0.0; n_ind], vec![0.0; n_ind]);
        for i in 0..n_ind {
            let col = data.column(i);
            let lo = by_adcode
                .iter()
                .copied()
                .min_by(|&a, &b| col[a].total_cmp(&col[b]))
                .unwrap_or(0);
            let hi = by_adcode
                .iter()
                .copied()
                .max_by(|&a, &b| col[a].total_cmp(&col[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            min[i] = col[lo];
            max[i] = col[hi];
            locks[lo * n_ind + i] = Lock::Pinned;
            locks[hi * n_ind + i] = Lock::Pinned;
        }
        Self {
            system,
            min,
            max,
            locks,
        }
    }

    pub fn lock(&self, u: usize, i: usize) -> Lock {
        self.locks[u * self.system.n_indicators() + i]
    }

    /// The normalised (0-100) position of a raw value in its column.
    pub fn norm(&self, i: usize, raw: f64) -> f64 {
        100.0 * (raw - self.min[i]) / (self.max[i] - self.min[i])
    }

    pub fn raw(&self, i: usize, norm: f64) -> f64 {
        self.min[i] + norm * (self.max[i] - self.min[i]) / 100.0
    }

    /// The smallest raw change an indicator can make at its stored precision.
    pub fn step(&self, i: usize) -> f64 {
        let ind = &self.system.indicators[i];
        if ind.integer {
            1.0
        } else {
            10f64.powi(-(ind.decimals as i32))
        }
    }

    /// The raw interval a value may take under its lock, or `None` when pinned.
    pub fn raw_bounds(&self, u: usize, i: usize) -> Option<(f64, f64)> {
        match self.lock(u, i) {
            Lock::Pinned => None,
            Lock::Free => Some((self.min[i], self.max[i])),
            Lock::Floor(f) => Some((f.max(self.min[i]), self.max[i])),
            Lock::Ceiling(c) => Some((self.min[i], c.min(self.max[i]))),
        }
    }

    /// The normalised interval a value may take; a pinned value's interval is its current position.
    pub fn norm_bounds(&self, data: &Dataset, u: usize, i: usize) -> (f64, f64) {
        match self.raw_bounds(u, i) {
            Some((lo, hi)) => (self.norm(i, lo), self.norm(i, hi)),
            None => {
                let n = self.norm(i, data.get(u, i).unwrap_or(self.min[i]));
                (n, n)
            }
        }
    }

    /// Sets a raw value rounded to the indicator's precision and kept inside its lock's interval.
    pub fn set(&self, data: &mut Dataset, u: usize, i: usize, raw: f64) {
        if let Some((lo, hi)) = self.raw_bounds(u, i) {
            let ind = &self.system.indicators[i];
            let decimals = if ind.integer { 0 } else { ind.decimals };
            let mut v = round_to(raw, decimals);
            if v < lo {
                v += self.step(i) * ((lo - v) / self.step(i)).ceil();
            }
            if v > hi {
                v -= self.step(i) * ((v - hi) / self.step(i)).ceil();
            }
            data.set(u, i, Some(round_to(v, decimals)));
        }
    }
}

/// Moves county `u`'s free values in dimension `d` so that their mean normalised value is `target`.
pub fn realise_dimension(
    frame: &Frame,
    data: &mut Dataset,
    u: usize,
    d: usize,
    target: f64,
) -> Result<(), String> {
    let range = frame.system.indicators_of(d);
    let k = range.len() as f64;
    let norm_of = |data: &Dataset, i: usize| frame.norm(i, data.get(u, i).unwrap_or(frame.min[i]));
    let current: f64 = range.clone().map(|i| norm_of(data, i)).sum();
    let diff = k * target - current;
    if diff.abs() < 1e-9 {
        return Ok(());
    }
    // Each free value moves the same fraction of the way towards its bound, so shapes are kept.
    let room: Vec<(usize, f64)> = range
        .clone()
        .filter(|&i| frame.lock(u, i) != Lock::Pinned)
        .map(|i| {
            let (lo, hi) = frame.norm_bounds(data, u, i);
            let n = norm_of(data, i);
            (i, if diff > 0.0 { hi - n } else { n - lo })
        })
        .collect();
    let total: f64 = room.iter().map(|r| r.1).sum();
    if total <= 0.0 {
        return Err(format!(
            "no room to move {} in dimension {d}",
            data.units[u].name_zh
        ));
    }
    let t = (diff.abs() / total).min(1.0);
    for &(i, r) in &room {
        let n = norm_of(data, i) + diff.signum() * t * r;
        frame.set(data, u, i, frame.raw(i, n));
    }
    // Rounding leaves a residual; the free indicator with the finest step absorbs it.
    let after: f64 = range.clone().map(|i| norm_of(data, i)).sum();
    let residual = k * target - after;
    if let Some(&(i, _)) = room
        .iter()
        .min_by(|a, b| norm_step(frame, a.0).total_cmp(&norm_step(frame, b.0)))
    {
        let raw = data.get(u, i).unwrap_or(frame.min[i])
            + residual * (frame.max[i] - frame.min[i]) / 100.0;
        frame.set(data, u, i, raw);
    }
    Ok(())
}

/// The normalised size of one raw step of indicator `i`.
pub fn norm_step(frame: &Frame, i: usize) -> f64 {
    100.0 * frame.step(i) / (frame.max[i] - frame.min[i])
}

/// Changes one free value of county `u` so that its composite (equal weights, min-max) moves by `delta`,
/// choosing the finest indicator that lands within `tolerance`. Returns the indicator used.
pub fn nudge_composite(
    frame: &Frame,
    data: &mut Dataset,
    u: usize,
    delta: f64,
    tolerance: f64,
) -> Option<usize> {
    let n_dims = frame.system.n_dimensions() as f64;
    let mut candidates: Vec<usize> = (0..frame.system.n_indicators())
        .filter(|&i| frame.lock(u, i) != Lock::Pinned)
        .collect();
    candidates.sort_by(|&a, &b| norm_step(frame, a).total_cmp(&norm_step(frame, b)));
    for i in candidates {
        let k = frame
            .system
            .indicators_of(frame.system.dimension_of(i))
            .len() as f64;
        let (lo, hi) = frame.raw_bounds(u, i)?;
        let now = data.get(u, i).unwrap_or(frame.min[i]);
        let wanted = delta * n_dims * k * (frame.max[i] - frame.min[i]) / 100.0;
        let steps = (wanted / frame.step(i)).round();
        let new = now + steps * frame.step(i);
        let achieved = (new - now) * 100.0 / (frame.max[i] - frame.min[i]) / (n_dims * k);
        if new >= lo && new <= hi && (achieved - delta).abs() <= tolerance {
            frame.set(data, u, i, new);
            return Some(i);
        }
    }
    None
}

/// Shifts the values of the eligible units in column `i` by whole steps until the column mean rounds to
/// `target` at one decimal; the shift is spread evenly in the units' given order.
pub fn fix_mean(
    frame: &Frame,
    data: &mut Dataset,
    i: usize,
    target: f64,
    eligible: &[usize],
) -> Result<(), String> {
    let step = frame.step(i);
    let n = data.n_units() as f64;
    let to_steps = |v: f64| (v / step).round() as i64;
    let wanted = to_steps(target * n);
    for _round in 0..1000 {
        let have: i64 = (0..data.n_units())
            .map(|u| to_steps(data.get(u, i).unwrap_or(0.0)))
            .sum();
        let need = wanted - have;
        if need == 0 {
            return Ok(());
        }
        let movable: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|&u| match frame.raw_bounds(u, i) {
                Some((lo, hi)) => {
                    let v = data.get(u, i).unwrap_or(0.0);
                    if need > 0 {
                        v + step < hi
                    } else {
                        v - step > lo
                    }
                }
                None => false,
            })
            .collect();
        if movable.is_empty() {
            return Err(format!(
                "cannot bring the mean of {} to {target}",
                frame.system.indicators[i].id
            ));
        }
        let per = (need.unsigned_abs() as usize)
            .div_ceil(movable.len())
            .max(1) as f64;
        let mut left = need.abs();
        for &u in &movable {
            if left == 0 {
                break;
            }
            let take = (per as i64).min(left);
            let v = data.get(u, i).unwrap_or(0.0);
            frame.set(data, u, i, v + need.signum() as f64 * take as f64 * step);
            left -= take;
        }
    }
    Err(format!(
        "the mean of {} did not settle",
        frame.system.indicators[i].id
    ))
}
