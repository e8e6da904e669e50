//! Exports: the ranking as CSV (UTF-8 with BOM, so Excel in China opens it; one header row, then one
//! row per unit) and as XLSX with a notes sheet on the data notice, the data set, the method and the
//! weights; and the import template (CSV and XLSX) with the 83 counties.

use super::csv_text::spreadsheet_text;
use super::export_name::{export_file_name, CalendarDate, DatasetLabel, ExportKind, FileType};
use super::provenance::Provenance;
use super::sheet::{NumberFormat, Sheet, XCell};
use crate::i18n::{prefecture_name, t, Key};
use crate::model::{Choice, Dataset, IndicatorSystem, Lang, Scenario, Unit};
use crate::score::{rank_changes, Ranking};

/// Everything a ranking export is made from.
pub struct RankingExport<'a> {
    pub system: &'a IndicatorSystem,
    pub data: &'a Dataset,
    pub ranking: &'a Ranking,
    /// The ranking under the default scenario, for the change column.
    pub baseline: &'a Ranking,
    pub scenario: &'a Scenario,
    /// Provenance of the values; empty for an imported data set.
    pub provenance: &'a Provenance,
    pub lang: Lang,
    /// The day of the export, in the user's time zone: in the file name and on the notes sheet.
    pub date: CalendarDate,
}

impl RankingExport<'_> {
    fn estimate(&self, u: usize) -> bool {
        self.provenance
            .unit_has_estimates(&self.data.units[u].adcode)
    }

    /// True when any unit's values include an estimate, so the export must carry the notice.
    pub fn has_estimates(&self) -> bool {
        (0..self.data.n_units()).any(|u| self.estimate(u))
    }

    fn text(&self, key: Key) -> &'static str {
        t(self.lang, key)
    }

    /// The export's file name: data set (in the export's language), "includes estimates" when any value
    /// is one, date and language ([`export_file_name`]).
    pub fn file_name(&self, file_type: FileType) -> String {
        let hash = self.data.content_hash();
        let dataset = DatasetLabel {
            name: self.data.meta.name_in(self.lang),
            hash: &hash,
            estimates: self.has_estimates(),
        };
        export_file_name(
            ExportKind::Ranking,
            Some(dataset),
            self.date,
            self.lang,
            file_type,
        )
    }

    /// The data notice: what the values are, in the export's language.
    pub fn notice(&self) -> &'static str {
        if self.has_estimates() {
            self.text(Key::ExportNoticeEstimates)
        } else {
            self.text(Key::ExportNoticeNoEstimates)
        }
    }

    fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = [
            self.text(Key::ColRank),
            self.text(Key::ExportAdcode),
            self.text(Key::ExportCounty),
            self.text(Key::ColPrefecture),
            self.text(Key::ExportComposite),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        h.extend(self.system.dimension_names(self.lang));
        h.push(self.text(Key::ExportPlacesMoved).to_string());
        h.push(self.text(Key::ExportDataColumn).to_string());
        h
    }

    /// The table: a header row, then one row per unit in rank order (unranked units last, blank rank).
    pub fn table(&self) -> Vec<Vec<XCell>> {
        let r = self.ranking;
        let changes = rank_changes(r, self.baseline);
        let mut rows = vec![self.header().into_iter().map(XCell::Text).collect()];
        for &u in &r.order {
            let unit = &self.data.units[u];
            let num = |v: f64| {
                if v.is_finite() {
                    XCell::Number(round(v, 4))
                } else {
                    XCell::Empty
                }
            };
            let mut row = vec![
                if r.rank[u] > 0 {
                    XCell::Number(r.rank[u] as f64)
                } else {
                    XCell::Empty
                },
                XCell::Text(unit.adcode.clone()),
                XCell::Text(unit.name(self.lang).to_string()),
                XCell::Text(prefecture_name(self.lang, &unit.prefecture_zh)),
                num(r.composite[u]),
            ];
            row.extend((0..r.n_dimensions).map(|d| num(r.dimension_score(u, d))));
            row.push(changes[u].map_or(XCell::Empty, |c| XCell::Number(c as f64)));
            let mark = if self.estimate(u) {
                self.text(Key::ExportIncludesEstimates)
            } else {
                ""
            };
            row.push(XCell::Text(mark.to_string()));
            rows.push(row);
        }
        rows
    }

    /// The ranking as CSV with a byte-order mark: the header row and one row per unit, nothing else, so
    /// every reader sees a plain table. The data notice is in the file name and the XLSX notes sheet.
    pub fn csv(&self) -> String {
        csv_with_bom(&self.table())
    }

    /// The sheets of the ranking as an XLSX workbook: the table, then a sheet on data, method and
    /// weights; the page builds them and the on-demand tools module writes the file (`fjindex-io`'s
    /// `data::export::RankingXlsx`).
    pub fn xlsx_sheets(&self) -> Vec<Sheet> {
        let table = self.table();
        let n_dimensions = self.system.n_dimensions();
        let mut widths = vec![6.0, 12.0, 14.0, 10.0, 10.0];
        widths.extend(std::iter::repeat_n(10.0, n_dimensions + 2));
        // Rank, codes and names, the composite and dimension scores, the change, the estimate mark.
        let mut number_formats = vec![NumberFormat::Integer, NumberFormat::General];
        number_formats.extend([NumberFormat::General; 2]);
        number_formats.extend(std::iter::repeat_n(
            NumberFormat::TwoDecimals,
            1 + n_dimensions,
        ));
        number_formats.push(NumberFormat::Integer);
        let ranking = Sheet {
            name: self.text(Key::ExportSheetRanking).into(),
            rows: table,
            widths,
            number_formats,
            freeze_header: true,
        };
        let about = Sheet {
            name: self.text(Key::ExportSheetNotes).into(),
            rows: self.about(),
            widths: vec![24.0, 60.0, 16.0, 16.0],
            number_formats: vec![NumberFormat::General, NumberFormat::General]
                .into_iter()
                .chain([NumberFormat::TwoDecimals; 2])
                .collect(),
            freeze_header: false,
        };
        let system = super::system_sheet::sheet(self.system, self.text(Key::ExportSheetSystem));
        vec![ranking, about, system]
    }

    /// The rows of the notes sheet: the data notice first, then the data set, the export date, the
    /// method and every weight.
    pub fn about(&self) -> Vec<Vec<XCell>> {
        let (s, meta, lang) = (self.scenario, &self.data.meta, self.lang);
        let pair = |k: &str, v: String| vec![XCell::Text(k.to_string()), XCell::Text(v)];
        let mut rows = vec![
            pair(
                self.text(Key::ExportItem),
                self.text(Key::ExportValue).to_string(),
            ),
            pair(self.text(Key::ExportDataNotice), self.notice().to_string()),
            pair(
                self.text(Key::ExportDataSet),
                meta.name_in(lang).to_string(),
            ),
            pair(
                self.text(Key::ExportYear),
                meta.year.map(|y| y.to_string()).unwrap_or_default(),
            ),
            pair(
                self.text(Key::ExportSource),
                meta.source_in(lang).to_string(),
            ),
            pair(self.text(Key::ExportContentHash), self.data.content_hash()),
            pair(self.text(Key::ExportUnits), self.data.n_units().to_string()),
            pair(self.text(Key::ExportDate), self.date.to_string()),
            method_row(s.normalisation, lang),
            method_row(s.weighting, lang),
            method_row(s.aggregation, lang),
            Vec::new(),
            vec![
                XCell::Text(self.text(Key::ExportDimensionIndicator).into()),
                XCell::Text(self.text(Key::ExportUnit).into()),
                XCell::Text(self.text(Key::ExportWeightWithin).into()),
                XCell::Text(self.text(Key::ExportWeightOverall).into()),
            ],
        ];
        let w = &self.ranking.weights;
        for (d, dim) in self.system.dimensions.iter().enumerate() {
            rows.push(vec![
                XCell::Text(dim.name(lang).into()),
                XCell::Empty,
                XCell::Empty,
                XCell::Number(round(w.dimension[d] * 100.0, 2)),
            ]);
            for i in self.system.indicators_of(d) {
                let ind = &self.system.indicators[i];
                rows.push(vec![
                    XCell::Text(format!("  {}", ind.name(lang))),
                    XCell::Text(ind.unit(lang).into()),
                    XCell::Number(round(w.within(self.system, i) * 100.0, 2)),
                    XCell::Number(round(w.indicator[i] * 100.0, 2)),
                ]);
            }
        }
        rows
    }
}

fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

/// An "about" row naming the method step and the alternative chosen, both from the catalogue.
fn method_row<C: Choice>(choice: C, lang: Lang) -> Vec<XCell> {
    vec![
        XCell::Text(t(lang, C::STEP).to_string()),
        XCell::Text(t(lang, choice.label()).to_string()),
    ]
}

/// Writes rows as CSV text, numbers in their shortest exact form and text made safe for spreadsheets
/// ([`spreadsheet_text`]), with a leading byte-order mark.
pub fn csv_with_bom(rows: &[Vec<XCell>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|c| match c {
                XCell::Text(t) => spreadsheet_text(t).into_owned(),
                XCell::Number(v) if v.is_finite() => v.to_string(),
                _ => String::new(),
            })
            .collect();
        // An empty record would be written as nothing at all; a single empty field keeps the blank line.
        let fields = if fields.is_empty() {
            vec![String::new()]
        } else {
            fields
        };
        w.write_record(&fields)
            .expect("writing to memory cannot fail");
    }
    let body =
        String::from_utf8(w.into_inner().expect("in-memory writer")).expect("CSV output is UTF-8");
    format!("\u{feff}{body}")
}

/// The header of an indicator column in the template: Chinese name with the unit in brackets.
pub fn template_header(system: &IndicatorSystem, i: usize) -> String {
    let ind = &system.indicators[i];
    format!("{}（{}）", ind.name_zh, ind.unit_zh)
}

/// The template's rows: identity headers and one header per indicator, then one row per county.
pub fn template_rows(system: &IndicatorSystem, counties: &[Unit]) -> Vec<Vec<XCell>> {
    let mut header: Vec<XCell> = ["行政区划代码", "县（市、区）", "设区市"]
        .iter()
        .map(|&s| s.into())
        .collect();
    header.extend((0..system.n_indicators()).map(|i| XCell::Text(template_header(system, i))));
    let mut rows = vec![header];
    for c in counties {
        rows.push(vec![
            c.adcode.as_str().into(),
            c.name_zh.as_str().into(),
            c.prefecture_zh.as_str().into(),
        ]);
    }
    rows
}

/// The import template as CSV (UTF-8 with BOM).
pub fn template_csv(system: &IndicatorSystem, counties: &[Unit]) -> String {
    csv_with_bom(&template_rows(system, counties))
}

/// The name of the import template's sheet describing each indicator.
pub const GUIDE_SHEET_NAME: &str = "指标说明";

/// The sheets of the import template as XLSX: the data sheet, then a sheet describing each indicator
/// (written by `fjindex-io`'s `data::export::template_xlsx`).
pub fn template_sheets(system: &IndicatorSystem, counties: &[Unit]) -> Vec<Sheet> {
    let rows = template_rows(system, counties);
    let mut widths = vec![12.0, 14.0, 10.0];
    widths.extend(std::iter::repeat_n(18.0, system.n_indicators()));
    let data = Sheet {
        name: "数据".into(),
        rows,
        widths,
        freeze_header: true,
        ..Sheet::default()
    };
    let mut guide = vec![[
        "指标代码",
        "指标名称",
        "单位",
        "说明",
        "indicator",
        "unit",
        "definition",
    ]
    .iter()
    .map(|&s| s.into())
    .collect::<Vec<XCell>>()];
    for ind in &system.indicators {
        guide.push(
            [
                &ind.id,
                &ind.name_zh,
                &ind.unit_zh,
                &ind.definition_zh,
                &ind.name_en,
                &ind.unit_en,
                &ind.definition_en,
            ]
            .iter()
            .map(|s| XCell::Text(s.to_string()))
            .collect(),
        );
    }
    let guide = Sheet {
        name: GUIDE_SHEET_NAME.into(),
        rows: guide,
        widths: vec![22.0, 36.0, 8.0, 50.0, 40.0, 16.0, 60.0],
        freeze_header: true,
        ..Sheet::default()
    };
    vec![
        data,
        guide,
        super::system_sheet::sheet(system, super::system_sheet::SHEET_NAME),
    ]
}

/// A data set as wide CSV at full precision (every value in its shortest exact form), for saving in the
/// browser: reading it back with `wide_csv::read` gives the same values and so the same content hash.
pub fn exact_csv(data: &Dataset, system: &IndicatorSystem) -> String {
    super::wide_csv::write_with(data, system, |_, v| v.to_string())
}
