//! The indicator system as a workbook sheet ("指标体系"), so that a system travels with its data: one row
//! per indicator with the fields of `seeds/indicators.json` and its dimension's names, written by the
//! template and the ranking export; the importer (`fjindex-io`'s `data::system_sheet`) reads it back.

use super::sheet::{Sheet, XCell};
use crate::i18n::{t, Key};
use crate::model::{IndicatorSystem, Lang, ValueKind};

/// The sheet's name in the import template (which is in Chinese); a ranking workbook names it in its
/// language, and the importer takes the name in any language.
pub const SHEET_NAME: &str = "指标体系";

/// The columns, in order: the JSON's field names.
pub const COLUMNS: [&str; 19] = [
    "id",
    "dimension",
    "dimension_name_zh",
    "dimension_name_en",
    "name_zh",
    "name_en",
    "short_zh",
    "short_en",
    "unit_zh",
    "unit_en",
    "kind",
    "integer",
    "decimals",
    "signed",
    "higher_is_better",
    "plausible_min",
    "plausible_max",
    "definition_zh",
    "definition_en",
];

/// Whether a sheet name is the indicator system's.
pub fn is_system_sheet(name: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&lang| t(lang, Key::ExportSheetSystem).eq_ignore_ascii_case(name.trim()))
}

fn kind_id(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Amount => "amount",
        ValueKind::Rate => "rate",
        ValueKind::Count => "count",
    }
}

/// The system as a sheet named `name`.
pub fn sheet(system: &IndicatorSystem, name: &str) -> Sheet {
    let mut rows = vec![COLUMNS.iter().map(|&c| XCell::from(c)).collect::<Vec<_>>()];
    for (i, ind) in system.indicators.iter().enumerate() {
        let dim = &system.dimensions[system.dimension_of(i)];
        let text = |s: &str| XCell::Text(s.to_string());
        let flag = |b: bool| text(if b { "true" } else { "false" });
        rows.push(vec![
            text(&ind.id),
            text(&dim.id),
            text(&dim.name_zh),
            text(&dim.name_en),
            text(&ind.name_zh),
            text(&ind.name_en),
            text(&ind.short_zh),
            text(&ind.short_en),
            text(&ind.unit_zh),
            text(&ind.unit_en),
            text(kind_id(ind.kind)),
            flag(ind.integer),
            XCell::Number(ind.decimals as f64),
            flag(ind.signed),
            flag(ind.higher_is_better),
            XCell::Number(ind.plausible_min),
            XCell::Number(ind.plausible_max),
            text(&ind.definition_zh),
            text(&ind.definition_en),
        ]);
    }
    Sheet {
        name: name.into(),
        rows,
        widths: vec![20.0; COLUMNS.len()],
        freeze_header: true,
        ..Sheet::default()
    }
}
