//! Where each county's tile goes: centre points projected to a plane and snapped to the nearest free cell
//! of a grid, deterministically.

use crate::model::Unit;

/// Grid positions of the units: `cells[u]` is `(column, row)`, row 0 at the north; `None` for units
/// without coordinates (listed in `unplaced`).
#[derive(Clone, Debug, PartialEq)]
pub struct TileGrid {
    pub cols: u32,
    pub rows: u32,
    pub cells: Vec<Option<(u32, u32)>>,
    pub unplaced: Vec<usize>,
}

pub(crate) fn located(u: &Unit) -> Option<(f64, f64)> {
    match (u.lon, u.lat) {
        (Some(lon), Some(lat)) if lon.is_finite() && lat.is_finite() => Some((lon, lat)),
        _ => None,
    }
}

/// The cosine. In WebAssembly it is the browser's `Math.cos`, which spares the page the library's argument
/// reduction, several kilobytes for this one call; the two may differ in the last bit, far below the grid's
/// resolution.
fn cos(x: f64) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Math::cos(x);
    #[cfg(not(target_arch = "wasm32"))]
    return x.cos();
}

/// Projects centre points to a plane (longitude shrunk by the cosine of the mean latitude), each axis scaled
/// to [0, 1] with north up; also returns the extent's width-to-height ratio.
pub(crate) fn project(units: &[Unit]) -> (Vec<Option<(f64, f64)>>, f64) {
    let pts: Vec<Option<(f64, f64)>> = units.iter().map(located).collect();
    let present: Vec<(f64, f64)> = pts.iter().flatten().copied().collect();
    if present.is_empty() {
        return (pts.iter().map(|_| None).collect(), 1.0);
    }
    let lat0 = present.iter().map(|p| p.1).sum::<f64>() / present.len() as f64;
    let k = cos(lat0.to_radians());
    let xs = present.iter().map(|p| p.0 * k);
    let (xmin, xmax) = xs
        .clone()
        .fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    let (ymin, ymax) = present
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let (w, h) = ((xmax - xmin).max(1e-9), (ymax - ymin).max(1e-9));
    let out = pts
        .iter()
        .map(|p| p.map(|(lon, lat)| ((lon * k - xmin) / w, (ymax - lat) / h)))
        .collect();
    (out, (w / h).clamp(0.2, 5.0))
}

/// Places every located unit in the nearest free cell of a grid with about 1.6 cells per unit, taking units
/// in adcode order so the layout is the same on every run and platform.
pub fn place(units: &[Unit]) -> TileGrid {
    let (pts, aspect) = project(units);
    let n = pts.iter().flatten().count();
    let mut cells = vec![None; units.len()];
    let unplaced: Vec<usize> = (0..units.len()).filter(|&u| pts[u].is_none()).collect();
    if n == 0 {
        return TileGrid {
            cols: 0,
            rows: 0,
            cells,
            unplaced,
        };
    }
    let target = (n as f64 * 1.6).max(1.0);
    let cols = ((target * aspect).sqrt().round() as u32).max(1);
    let rows = ((target / cols as f64).ceil() as u32).max(1);
    let mut taken = vec![false; (cols * rows) as usize];
    let mut order: Vec<usize> = (0..units.len()).filter(|&u| pts[u].is_some()).collect();
    crate::sorting::sort_indices(&mut order, &|a, b| {
        units[a].adcode.cmp(&units[b].adcode).then(a.cmp(&b))
    });
    for u in order {
        let (x, y) = pts[u].unwrap_or_default();
        let (fx, fy) = (x * (cols - 1) as f64, y * (rows - 1) as f64);
        let mut best: Option<(f64, usize)> = None;
        for (i, _) in taken.iter().enumerate().filter(|(_, t)| !**t) {
            let (c, r) = ((i as u32 % cols) as f64, (i as u32 / cols) as f64);
            let d = (c - fx).powi(2) + (r - fy).powi(2);
            if best.is_none_or(|b| d < b.0) {
                best = Some((d, i));
            }
        }
        if let Some((_, i)) = best {
            taken[i] = true;
            cells[u] = Some((i as u32 % cols, i as u32 / cols));
        }
    }
    TileGrid {
        cols,
        rows,
        cells,
        unplaced,
    }
}
