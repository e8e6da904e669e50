//! The ranking table's view: sort order, name search, prefecture filter, and the prefecture summary.

use crate::model::{Dataset, Lang};
use crate::score::Ranking;
use std::cmp::Ordering;

/// A sortable column of the ranking table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    Rank,
    Change,
    County,
    Prefecture,
    Score,
    Dimension(usize),
}

impl SortKey {
    /// The direction a column sorts in when first chosen: ranks and names ascending, scores and gains
    /// descending, so the best comes first either way.
    pub fn natural_ascending(self) -> bool {
        matches!(self, SortKey::Rank | SortKey::County | SortKey::Prefecture)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Rank,
            ascending: true,
        }
    }
}

impl Sort {
    /// Clicking a column: the same column flips direction, another starts in its natural direction.
    pub fn toggled(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort {
                key,
                ascending: !self.ascending,
            }
        } else {
            Sort {
                key,
                ascending: key.natural_ascending(),
            }
        }
    }

    /// The `aria-sort` value of column `key`.
    pub fn aria(self, key: SortKey) -> &'static str {
        match (self.key == key, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

/// What the table shows: its order and which rows pass the search and the filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableView {
    pub sort: Sort,
    pub search: String,
    /// The chosen prefecture (Chinese name, as in the data), or all.
    pub prefecture: Option<String>,
}

impl TableView {
    /// True when unit `u` matches the search text (Chinese or English name, or adcode) and the filter.
    pub fn admits(&self, data: &Dataset, u: usize) -> bool {
        let unit = &data.units[u];
        if self
            .prefecture
            .as_ref()
            .is_some_and(|p| *p != unit.prefecture_zh)
        {
            return false;
        }
        // Names in Latin letters are pinyin, so ASCII case folding is enough, and it keeps Unicode's case
        // tables out of the page's module.
        let q = self.search.trim().to_ascii_lowercase();
        q.is_empty()
            || unit.name_zh.contains(&q)
            || unit.name_en.to_ascii_lowercase().contains(&q)
            || unit.adcode.starts_with(&q)
    }

    /// The units to show, in display order. Ties in any column fall back to the composite rank order.
    pub fn rows(&self, data: &Dataset, ranking: &Ranking, changes: &[Option<i32>]) -> Vec<usize> {
        let position: Vec<usize> = {
            let mut p = vec![0; data.n_units()];
            for (i, &u) in ranking.order.iter().enumerate() {
                p[u] = i;
            }
            p
        };
        let mut rows: Vec<usize> = ranking
            .order
            .iter()
            .copied()
            .filter(|&u| self.admits(data, u))
            .collect();
        // Pinyin orders Chinese names the way a Chinese reader expects too, so both languages sort by it.
        // Text keys are made once per unit, not once per comparison.
        let text_keys: Vec<String> = match self.sort.key {
            SortKey::County => (0..data.n_units())
                .map(|u| {
                    let unit = &data.units[u];
                    if unit.name_en.is_empty() {
                        unit.name_zh.clone()
                    } else {
                        unit.name_en.to_ascii_lowercase()
                    }
                })
                .collect(),
            SortKey::Prefecture => (0..data.n_units())
                .map(|u| crate::i18n::prefecture_name(Lang::En, &data.units[u].prefecture_zh))
                .collect(),
            _ => Vec::new(),
        };
        // Missing values (unranked units, no change) always go last, whichever the direction.
        let cmp_opt = |a: Option<f64>, b: Option<f64>, asc: bool| match (a, b) {
            (Some(x), Some(y)) => {
                let o = x.partial_cmp(&y).unwrap_or(Ordering::Equal);
                if asc {
                    o
                } else {
                    o.reverse()
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let finite = |v: f64| (!v.is_nan()).then_some(v);
        let asc = self.sort.ascending;
        let dir = |o: Ordering| if asc { o } else { o.reverse() };
        crate::sorting::sort_indices(&mut rows, &|a, b| {
            let primary = match self.sort.key {
                SortKey::Rank => dir(position[a].cmp(&position[b])),
                SortKey::Change => {
                    cmp_opt(changes[a].map(f64::from), changes[b].map(f64::from), asc)
                }
                SortKey::County | SortKey::Prefecture => dir(text_keys[a].cmp(&text_keys[b])),
                SortKey::Score => cmp_opt(
                    finite(ranking.composite[a]),
                    finite(ranking.composite[b]),
                    asc,
                ),
                SortKey::Dimension(d) => cmp_opt(
                    finite(ranking.dimension_score(a, d)),
                    finite(ranking.dimension_score(b, d)),
                    asc,
                ),
            };
            primary.then(position[a].cmp(&position[b]))
        });
        rows
    }
}

/// One line of the prefecture summary.
#[derive(Clone, Debug, PartialEq)]
pub struct PrefectureRow {
    pub prefecture: String,
    pub counties: usize,
    /// Mean composite score of the prefecture's ranked counties (NaN if none is ranked).
    pub mean: f64,
    pub in_top10: usize,
    pub in_top20: usize,
}

/// Per prefecture: county count, mean score and counties in the top 10 and 20; best mean first.
pub fn prefecture_summary(data: &Dataset, ranking: &Ranking) -> Vec<PrefectureRow> {
    let mut rows: Vec<PrefectureRow> = Vec::new();
    let mut sums: Vec<(f64, usize)> = Vec::new();
    for (u, unit) in data.units.iter().enumerate() {
        let k = match rows.iter().position(|r| r.prefecture == unit.prefecture_zh) {
            Some(k) => k,
            None => {
                rows.push(PrefectureRow {
                    prefecture: unit.prefecture_zh.clone(),
                    counties: 0,
                    mean: f64::NAN,
                    in_top10: 0,
                    in_top20: 0,
                });
                sums.push((0.0, 0));
                rows.len() - 1
            }
        };
        rows[k].counties += 1;
        let r = ranking.rank[u];
        if r > 0 {
            sums[k].0 += ranking.composite[u];
            sums[k].1 += 1;
            rows[k].in_top10 += usize::from(r <= 10);
            rows[k].in_top20 += usize::from(r <= 20);
        }
    }
    for (row, (sum, n)) in rows.iter_mut().zip(&sums) {
        if *n > 0 {
            row.mean = sum / *n as f64;
        }
    }
    crate::sorting::sort_by(&mut rows, |a, b| {
        let key = |r: &PrefectureRow| {
            if r.mean.is_nan() {
                f64::NEG_INFINITY
            } else {
                r.mean
            }
        };
        key(b)
            .partial_cmp(&key(a))
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.prefecture.cmp(&b.prefecture))
    });
    rows
}
