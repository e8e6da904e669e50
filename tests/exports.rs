//! The ranking exports as a reader meets them: a CSV that is one header row and one row per unit, an
//! XLSX whose scores show two decimals while staying full numbers, with a frozen header and a notes
//! sheet carrying the data notice, English names in English exports, and file names that say what
//! the file holds and are safe on every common file system.

mod common;

use calamine::Data;
use common::read_xlsx;
use fjindex::data::export::{RankingExport, RankingXlsx};
use fjindex::data::export_name::{
    export_file_name, CalendarDate, DatasetLabel, ExportKind, FileType, MAX_SLUG_BYTES,
};
use fjindex::data::provenance::Provenance;
use fjindex::data::seeds::{self, Bundle};
use fjindex::model::{Lang, Scenario};
use fjindex::score::{score, Ranking};
use std::io::Read;

/// The notice every export carries when any value in it is an estimate, as a reader sees it.
const NOTICE_ZH: &str = "数据说明：标注“含估算”的县域，其部分指标值是本项目依据白皮书公布结果校准的估算值，不是官方统计数据。";
const NOTICE_EN: &str = "Data notice: for counties marked \"includes estimates\", some indicator values are this project's estimates calibrated to the white paper's published results; they are not official statistics.";

/// 2026-12-05.
const DATE: CalendarDate = CalendarDate {
    year: 2026,
    month: 12,
    day: 5,
};

/// The bundled data under a tilted scenario (so the change column is not all zero), with its
/// baseline, as the page exports it.
struct Fixture {
    bundle: Bundle,
    scenario: Scenario,
    ranking: Ranking,
    baseline: Ranking,
}

impl Fixture {
    fn new() -> Fixture {
        let bundle = seeds::bundle();
        let default = Scenario::default_for(&bundle.system);
        let mut scenario = default.clone();
        scenario.dimension_weights[1] = 5.0;
        let ranking = score(&bundle.system, &bundle.data, &scenario).unwrap();
        let baseline = score(&bundle.system, &bundle.data, &default).unwrap();
        Fixture {
            bundle,
            scenario,
            ranking,
            baseline,
        }
    }

    fn export(&self, lang: Lang) -> RankingExport<'_> {
        self.export_with(lang, &self.bundle.provenance)
    }

    fn export_with<'a>(&'a self, lang: Lang, provenance: &'a Provenance) -> RankingExport<'a> {
        RankingExport {
            system: &self.bundle.system,
            data: &self.bundle.data,
            ranking: &self.ranking,
            baseline: &self.baseline,
            scenario: &self.scenario,
            provenance,
            lang,
            date: DATE,
        }
    }
}

/// Han characters and CJK punctuation (full-width brackets, the ideographic comma and full stop).
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
    })
}

/// The CSV read strictly: every record must have the header's number of fields.
fn read_csv(text: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

#[test]
fn the_csv_is_one_header_row_then_one_numeric_row_per_county_in_both_languages() {
    let f = Fixture::new();
    for lang in [Lang::Zh, Lang::En] {
        let x = f.export(lang);
        assert!(x.has_estimates(), "the bundled values include estimates");
        let text = x.csv();
        assert_eq!(text.lines().count(), 84, "{lang:?}: header and 83 rows");
        assert!(
            text.lines().all(|l| !l.trim().is_empty()),
            "{lang:?}: no blank line"
        );
        let (header, rows) = read_csv(&text);
        assert_eq!(rows.len(), 83);
        // Rank, the composite, the five dimensions and the change: numbers in every row.
        let numeric = [0, 4, 5, 6, 7, 8, 9, 10];
        for (k, row) in rows.iter().enumerate() {
            for c in numeric {
                row[c].parse::<f64>().unwrap_or_else(|_| {
                    panic!("{lang:?} row {k} column {}: {:?}", &header[c], &row[c])
                });
            }
            assert_eq!(
                row[0].parse::<u32>().unwrap(),
                f.ranking.rank[f.ranking.order[k]]
            );
        }
        assert!(!text.contains(NOTICE_ZH) && !text.contains(NOTICE_EN));
    }
}

#[test]
fn the_english_csv_has_english_county_and_prefecture_names() {
    let f = Fixture::new();
    let (header, rows) = read_csv(&f.export(Lang::En).csv());
    for h in header.iter() {
        assert!(!has_cjk(h), "header {h:?}");
    }
    assert_eq!(&header[3], "Prefecture");
    for row in &rows {
        for c in [1, 2, 3, 11] {
            assert!(!has_cjk(&row[c]), "column {} of {row:?}", &header[c]);
        }
    }
    let jinjiang = rows.iter().find(|r| &r[1] == "350582").unwrap();
    assert_eq!((&jinjiang[2], &jinjiang[3]), ("Jinjiang City", "Quanzhou"));
    let (_, zh) = read_csv(&f.export(Lang::Zh).csv());
    let jinjiang = zh.iter().find(|r| &r[1] == "350582").unwrap();
    assert_eq!((&jinjiang[2], &jinjiang[3]), ("晋江市", "泉州市"));
}

/// The parts of a workbook.
fn part(xlsx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// The value of attribute `name` in the start tag `tag`.
fn attr<'x>(tag: &'x str, name: &str) -> Option<&'x str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The start tag of cell `at` and its value, from a worksheet's XML.
fn cell<'x>(sheet: &'x str, at: &str) -> (&'x str, &'x str) {
    let start = sheet
        .find(&format!("<c r=\"{at}\""))
        .unwrap_or_else(|| panic!("no cell {at}"));
    let tag = &sheet[start..start + sheet[start..].find('>').unwrap() + 1];
    let v = start + sheet[start..].find("<v>").unwrap() + 3;
    (tag, &sheet[v..v + sheet[v..].find("</v>").unwrap()])
}

/// The number format code of cell format `index` of styles.xml (a built-in id is given as `#id`).
fn format_code(styles: &str, index: usize) -> String {
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs
        .split("<xf ")
        .nth(index + 1)
        .expect("the cell format exists");
    let id = attr(&format!(" {xf}"), "numFmtId").unwrap().to_string();
    let custom = styles
        .split("<numFmt ")
        .skip(1)
        .find(|f| attr(&format!(" {f}"), "numFmtId") == Some(id.as_str()));
    match custom {
        Some(f) => attr(&format!(" {f}"), "formatCode").unwrap().to_string(),
        None => format!("#{id}"),
    }
}

#[test]
fn xlsx_scores_show_two_decimals_and_stay_full_numbers() {
    let f = Fixture::new();
    let xlsx = f.export(Lang::Zh).xlsx();
    let (sheet, styles) = (
        part(&xlsx, "xl/worksheets/sheet1.xml"),
        part(&xlsx, "xl/styles.xml"),
    );
    let style = |tag: &str| attr(tag, "s").map_or(0, |s| s.parse().unwrap());
    let n = f.bundle.data.n_units() + 1;
    for row in [2, 42, n] {
        // The composite and the five dimension scores (E to J): "0.00", four decimals kept.
        for col in ["E", "F", "G", "H", "I", "J"] {
            let (tag, value) = cell(&sheet, &format!("{col}{row}"));
            assert_eq!(
                format_code(&styles, style(tag)),
                "0.00",
                "{col}{row}: {tag}"
            );
            let v: f64 = value.parse().unwrap();
            assert!(
                (v * 1e4 - (v * 1e4).round()).abs() < 1e-6,
                "{col}{row}: {v}"
            );
        }
        // Rank and change: whole numbers.
        for col in ["A", "K"] {
            let (tag, _) = cell(&sheet, &format!("{col}{row}"));
            assert_eq!(format_code(&styles, style(tag)), "0", "{col}{row}: {tag}");
        }
    }
    // Some score has more than two decimals, so the format, not rounding, shows two.
    let u = f.ranking.order[0];
    let (_, top) = cell(&sheet, "E2");
    assert_eq!(
        top.parse::<f64>().unwrap(),
        (f.ranking.composite[u] * 1e4).round() / 1e4
    );
    assert!(top.split('.').nth(1).is_some_and(|d| d.len() > 2), "{top}");
    // The header row is bold, not number-formatted.
    assert!(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"));
}

#[test]
fn xlsx_styles_and_sheets_follow_the_schema_order() {
    let f = Fixture::new();
    let xlsx = f.export(Lang::Zh).xlsx();
    let styles = part(&xlsx, "xl/styles.xml");
    let order = [
        "<numFmts",
        "<fonts",
        "<fills",
        "<borders",
        "<cellStyleXfs",
        "<cellXfs",
        "<cellStyles",
    ];
    let at: Vec<usize> = order.iter().map(|t| styles.find(t).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{styles}");
    // Every count attribute matches its children.
    for (list, child) in [
        ("numFmts", "<numFmt "),
        ("fonts", "<font>"),
        ("cellXfs", "<xf "),
    ] {
        let open = styles.find(&format!("<{list} ")).unwrap();
        let close = styles.find(&format!("</{list}>")).unwrap();
        let body = &styles[open..close];
        let count: usize = attr(body, "count").unwrap().parse().unwrap();
        assert_eq!(body.matches(child).count(), count, "{list}");
    }
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    let order = ["<sheetViews>", "<cols>", "<sheetData>"];
    let at: Vec<usize> = order.iter().map(|t| sheet.find(t).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn the_ranking_sheet_keeps_its_header_row_frozen() {
    let f = Fixture::new();
    let xlsx = f.export(Lang::En).xlsx();
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
    ));
    // The notes sheet is a short list and is not frozen.
    assert!(!part(&xlsx, "xl/worksheets/sheet2.xml").contains("<pane"));
}

fn text(row: &[Data], c: usize) -> String {
    row.get(c).map(|d| d.to_string()).unwrap_or_default()
}

#[test]
fn the_xlsx_reads_back_with_numbers_as_numbers() {
    let f = Fixture::new();
    let sheets = read_xlsx(&f.export(Lang::Zh).xlsx());
    let table = &sheets[0].1;
    assert_eq!(table.len(), 84);
    let changes = fjindex::score::rank_changes(&f.ranking, &f.baseline);
    for (k, row) in table[1..].iter().enumerate() {
        let u = f.ranking.order[k];
        assert_eq!(row[0], Data::Float(f64::from(f.ranking.rank[u])));
        assert_eq!(row[1], Data::String(f.bundle.data.units[u].adcode.clone()));
        for (c, score) in row.iter().enumerate().take(10).skip(4) {
            assert!(
                matches!(score, Data::Float(_)),
                "row {k} column {c}: {score:?}"
            );
        }
        let Data::Float(composite) = row[4] else {
            unreachable!()
        };
        assert!((composite - f.ranking.composite[u]).abs() <= 5e-5);
        assert_eq!(row[10], Data::Float(f64::from(changes[u].unwrap())));
    }
}

#[test]
fn the_notes_sheet_carries_the_notice_data_set_date_method_and_weights() {
    let f = Fixture::new();
    let sheets = read_xlsx(&f.export(Lang::Zh).xlsx());
    assert_eq!(sheets[1].0, "说明");
    let notes = &sheets[1].1;
    // The notice comes first, right under the header.
    assert_eq!(text(&notes[1], 0), "数据说明");
    assert_eq!(text(&notes[1], 1), NOTICE_ZH);
    let value = |key: &str| {
        let row = notes.iter().find(|r| text(r, 0) == key);
        text(row.unwrap_or_else(|| panic!("no row {key}")), 1)
    };
    assert_eq!(value("数据集"), "福建省县域 2024（演示数据）");
    assert_eq!(value("导出日期"), "2026-12-05");
    assert_eq!(value("标准化方法"), "极差标准化（0–100）");
    assert_eq!(value("数据校验值"), f.bundle.data.content_hash());
    let innovation = notes.iter().find(|r| text(r, 0) == "创新能力").unwrap();
    assert_eq!(innovation[3], Data::Float(55.56));

    let en = read_xlsx(&f.export(Lang::En).xlsx());
    assert_eq!(
        en.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        ["Ranking", "Notes", "Indicator system"]
    );
    let notes = &en[1].1;
    assert_eq!(text(&notes[1], 1), NOTICE_EN);
    let data_set = notes.iter().find(|r| text(r, 0) == "Data set").unwrap();
    assert_eq!(
        text(data_set, 1),
        "Fujian counties 2024 (demonstration data)"
    );
    // Nothing in the English workbook is Chinese: headers, names, notes, units, weights. The indicator
    // system sheet is the exception by design: it carries the system's fields in both languages, as
    // seeds/indicators.json does, so that the workbook reads back as the same system.
    for (name, rows) in en.iter().filter(|(name, _)| name != "Indicator system") {
        for row in rows {
            for c in row {
                assert!(!has_cjk(&c.to_string()), "{name}: {c:?}");
            }
        }
    }

    // Without estimates the notice says so instead.
    let none = Provenance::default();
    let sheets = read_xlsx(&f.export_with(Lang::En, &none).xlsx());
    assert!(text(&sheets[1].1[1], 1).contains("none is a project estimate"));
}

#[test]
fn file_names_carry_data_set_estimates_date_and_language() {
    let f = Fixture::new();
    assert_eq!(
        f.export(Lang::Zh).file_name(FileType::Csv),
        "fjindex-排名-福建省县域-2024-演示数据-含估算-2026-12-05-zh.csv"
    );
    assert_eq!(
        f.export(Lang::En).file_name(FileType::Xlsx),
        "fjindex-ranking-fujian-counties-2024-demonstration-data-includes-estimates-2026-12-05-en.xlsx"
    );
    let none = Provenance::default();
    assert_eq!(
        f.export_with(Lang::En, &none).file_name(FileType::Csv),
        "fjindex-ranking-fujian-counties-2024-demonstration-data-2026-12-05-en.csv"
    );
    let template = |lang, t| export_file_name(ExportKind::Template, None, DATE, lang, t);
    assert_eq!(
        template(Lang::Zh, FileType::Csv),
        "fjindex-导入模板-2026-12-05.csv"
    );
    assert_eq!(
        template(Lang::En, FileType::Xlsx),
        "fjindex-import-template-2026-12-05.xlsx"
    );
}

#[test]
fn file_names_are_safe_on_windows_and_macos_whatever_the_data_set_is_called() {
    let long = "很长的数据集名称".repeat(40);
    let names = [
        "a/b\\c:d*e?f\"g<h>i|j\u{1}k\u{7f}l",
        "../../etc/passwd",
        " CON. ",
        "\u{202e}gpj.exe",
        long.as_str(),
        "2024 官方数据 (修订版).xlsx",
        "？？？",
        "",
    ];
    for name in names {
        for lang in [Lang::Zh, Lang::En] {
            let label = DatasetLabel {
                name,
                hash: "0123456789abcdef",
                estimates: false,
            };
            let file =
                export_file_name(ExportKind::Ranking, Some(label), DATE, lang, FileType::Xlsx);
            let bad = |c: char| "/\\:*?\"<>|".contains(c) || c.is_control() || c == '\u{202e}';
            assert!(!file.chars().any(bad), "{file:?}");
            assert!(file.len() <= 8 + 16 + MAX_SLUG_BYTES + 40, "{file:?}");
            assert!(file.len() < 255);
            assert!(file.starts_with("fjindex-") && file.ends_with(".xlsx"));
            assert!(!file.contains("--"), "{file:?}");
            assert!(file.contains("2026-12-05"), "{file:?}");
        }
    }
    let named = |name| {
        let label = DatasetLabel {
            name,
            hash: "0123456789abcdef",
            estimates: false,
        };
        export_file_name(
            ExportKind::Ranking,
            Some(label),
            DATE,
            Lang::En,
            FileType::Csv,
        )
    };
    // A name with no letter or digit gives way to the content hash.
    assert_eq!(
        named("？？？"),
        "fjindex-ranking-0123456789abcdef-2026-12-05-en.csv"
    );
    assert_eq!(
        named("2024 官方数据 (修订版).xlsx"),
        "fjindex-ranking-2024-官方数据-修订版-xlsx-2026-12-05-en.csv"
    );
}

#[test]
fn the_command_line_writes_the_same_workbook_as_the_page() {
    let path = std::env::temp_dir().join(format!("fjindex-exports-{}.xlsx", std::process::id()));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_fjindex"))
        .args(["rank", "--format", "xlsx", "--lang", "en", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&path).unwrap();
    let _ = std::fs::remove_file(&path);
    let sheets = read_xlsx(&bytes);
    assert_eq!(sheets[0].0, "Ranking");
    let table = &sheets[0].1;
    assert_eq!(table.len(), 84);
    assert_eq!(text(&table[0], 0), "Rank");
    assert_eq!(table[1][0], Data::Float(1.0));
    assert_eq!(text(&table[1][..], 1), "350582");
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains("state=\"frozen\""));
    assert_eq!(text(&sheets[1].1[1], 1), NOTICE_EN);

    // To a terminal-less standard output it writes the bytes; its CSV stays one header row.
    let csv = std::process::Command::new(env!("CARGO_BIN_EXE_fjindex"))
        .args(["rank", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert_eq!(csv.lines().count(), 84);
    assert!(csv
        .lines()
        .skip(1)
        .all(|l| l.split(',').next().unwrap().parse::<u32>().is_ok()));
}
