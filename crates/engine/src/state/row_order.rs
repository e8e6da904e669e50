//! The ranking table's document order while its display order keeps changing (a weight slider being
//! dragged): rows stay where they are in the document and are shifted to their new places, and the
//! document catches up once the order has been still for a moment. This file holds the arithmetic;
//! `ui::row_order` applies it to the page.
//!
//! Rewriting or moving 83 table rows makes the browser style, lay out and paint them all afresh, which
//! takes two to three frames; shifting rows that keep their contents costs a fraction of one.

/// Whether `document` and `display` hold the same units (in any order), so the rows in the document
/// can simply be shifted into the display order. Both lists hold each unit at most once.
pub fn same_units(document: &[usize], display: &[usize], scratch: &mut Vec<bool>) -> bool {
    if document.len() != display.len() {
        return false;
    }
    let size = document.iter().chain(display).max().map_or(0, |&m| m + 1);
    scratch.clear();
    scratch.resize(size, false);
    for &u in document {
        scratch[u] = true;
    }
    display.iter().all(|&u| scratch[u])
}

/// The vertical shift of each row in document order that puts it at its place in `display`: the row of
/// the unit at document index `i` moves from slot `i` to the slot that unit has in `display`.
/// `slot_tops[k]` is the top of the k-th row's box as laid out. Returns an empty list when the inputs
/// do not describe one set of rows (which `same_units` rules out).
pub fn shifts(document: &[usize], display: &[usize], slot_tops: &[f64]) -> Vec<f64> {
    let n = document.len();
    if display.len() != n || slot_tops.len() != n {
        return Vec::new();
    }
    let size = display.iter().max().map_or(0, |&m| m + 1);
    let mut slot_of = vec![usize::MAX; size];
    for (k, &u) in display.iter().enumerate() {
        slot_of[u] = k;
    }
    let mut out = Vec::with_capacity(n);
    for (i, &u) in document.iter().enumerate() {
        match slot_of.get(u) {
            Some(&k) if k != usize::MAX => out.push(slot_tops[k] - slot_tops[i]),
            _ => return Vec::new(),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_units_ignores_order_but_not_membership() {
        let mut scratch = Vec::new();
        assert!(same_units(&[3, 1, 2], &[1, 2, 3], &mut scratch));
        assert!(!same_units(&[3, 1, 2], &[1, 2, 4], &mut scratch));
        assert!(!same_units(&[3, 1], &[1, 2, 3], &mut scratch));
        assert!(same_units(&[], &[], &mut scratch));
    }

    #[test]
    fn shifted_rows_land_on_their_display_slots() {
        // Rows of unequal height: the slots are where the rows are laid out, top to bottom.
        let tops = [0.0, 30.0, 62.0, 90.0];
        let document = [7, 4, 9, 2];
        let display = [9, 2, 7, 4];
        let dy = shifts(&document, &display, &tops);
        for (i, &u) in document.iter().enumerate() {
            let slot = display.iter().position(|&x| x == u).unwrap();
            assert_eq!(tops[i] + dy[i], tops[slot], "unit {u}");
        }
        assert_eq!(shifts(&display, &display, &tops), vec![0.0; 4]);
    }

    #[test]
    fn mismatched_rows_give_no_shifts() {
        assert!(shifts(&[1, 2], &[1, 3], &[0.0, 10.0]).is_empty());
        assert!(shifts(&[1, 2], &[2, 1], &[0.0]).is_empty());
    }
}
