//! The English catalogue.

use super::Key;

crate::i18n::catalogue! {
    Title => "Fujian County Key Industrial Chain Development Index";
    Subtitle => "Interactive calculator: change weights and methods and the ranking of 83 counties updates at once";
    SwitchLang => "中文";
    SwitchLangLabel => "Switch to Chinese";
    NoticeHeading => "About the data";
    NoticeEstimates => "Not all values on this page are official statistics: the white paper publishes only the top-10 composite scores and each dimension's top-10 list; the other values are this project's estimates, calibrated to those published results, and are not official figures.";
    NoticeLink => "Method and sources";
    EstimateMark => "est.";
    EstimateMarkTitle => "Includes project estimates";
    BasedOnEstimates => "based on estimated data";
    WeightsHeading => "Weights";
    WeightsHelp => "Drag a slider or type a value from 0 to 100; the percentage is the dimension's actual share of the composite.";
    IndicatorWeights => "Indicator weights";
    ShareOfComposite => "of composite";
    Presets => "Presets";
    PresetEqual => "Equal (default)";
    PresetEntropy => "Entropy";
    PresetCritic => "CRITIC";
    PresetInnovation => "Innovation-led";
    PresetScale => "Scale-led";
    PresetQuality => "Quality-led";
    PresetSmart => "Smart-manufacturing-led";
    DerivedWeights => "The weights are derived from the data ({}); moving any slider switches to manual weights.";
    Reset => "Reset";
    MethodHeading => "Method";
    Normalisation => "Normalisation";
    NormMinMax => "Min-max (0-100)";
    NormEfficacy => "Efficacy coefficient (60-100)";
    NormZScore => "Z-score (mean 50)";
    NormRank => "Percentile rank";
    Aggregation => "Aggregation";
    AggArithmetic => "Weighted arithmetic mean";
    AggGeometric => "Weighted geometric mean";
    Dismiss => "Dismiss";
    RankingHeading => "County ranking";
    Search => "Search by name";
    SearchPlaceholder => "e.g. Jinjiang";
    Prefecture => "Prefecture";
    AllPrefectures => "All prefectures";
    ShowingRows => "Showing {} of {} counties";
    ColRank => "Rank";
    ColChange => "Change";
    ColCounty => "County";
    ColPrefecture => "Prefecture";
    ColScore => "Score";
    ChangeHelp => "Compared with the default (equal-weight) ranking";
    Top10 => "Top 10";
    SortBy => "Sort by ";
    Unranked => "Unranked";
    NoRows => "No county matches.";
    SelectHint => "Click a county name to see its profile";
    PrefecturesHeading => "Prefecture summary";
    ColCounties => "Counties";
    ColMeanScore => "Mean score";
    ColInTop10 => "In top 10";
    ColInTop20 => "In top 20";
    ChartsHeading => "Charts";
    AnalysisHeading => "Analysis";
    LoadCharts => "Load the charts";
    LoadAnalysis => "Load the analysis";
    AdviceCaption => "The value one indicator alone would need (others unchanged)";
    AdviceNow => "Now";
    AdviceNeeded => "Needed";
    AdviceBest => "Best county";
    AdviceNoneAlone => "No single indicator can reach this rank on its own without exceeding the best county's value.";
    AdviceTarget => "Target rank";
    ProfileHeading => "County profile";
    CompositeRank => "Overall rank";
    PrefectureRank => "Rank in prefecture";
    ColIndicator => "Indicator";
    ColRaw => "Value";
    ColNormalised => "Normalised";
    ColIndicatorRank => "Rank";
    ColSource => "Source";
    DimensionScore => "Dimension score";
    Missing => "missing";
    StatusPublished => "published";
    StatusEstimate => "estimate";
    StatusAnchored => "anchored estimate";
    StatusImported => "imported";
    StatusPublishedHelp => "A figure printed in the white paper";
    StatusEstimateHelp => "This project's estimate, not an official figure";
    StatusAnchoredHelp => "This project's estimate, held consistent with a white-paper figure of another definition or period";
    StatusImportedHelp => "A value without a source record";
    CloseProfile => "Close profile";
    MethodsHeading => "Method and sources";
    MethodsIndex => "The index combines 16 indicators in 5 dimensions (white paper Table 3-1). Each indicator is normalised, averaged with weights within its dimension into a dimension score, and the dimension scores are combined with the dimension weights into the composite. The default is min-max normalisation, equal weights at both levels and an arithmetic mean.";
    MethodsWeights => "Entropy weights favour indicators whose values spread more; CRITIC weights combine each indicator's spread with how little it agrees with the others. Both are derived from the current data.";
    MethodsSources => "Source: Fujian Provincial Department of Industry and Information Technology, white paper on the development of key industrial chains in Fujian counties (2025), December 2025: Table 3-1 (indicators), Table 3-2 (composite top 10), Table 3-3 (top 10 per dimension). The paper gives no indicator definitions, units or weights; those shown here are this project's reading.";
    MethodsEstimates => "Estimates come from this project's reproducible calibration: under the default method they reproduce Tables 3-2 and 3-3 and stay consistent with the county figures printed elsewhere in the paper. They only demonstrate the method and are not official statistics.";
    MethodsMap => "County centre points: Vonng's adcode data set (CC BY 4.0).";
    Footer => "This calculator runs in your browser and sends no data to any server.";
    SkipToRanking => "Skip to the ranking";
    JumpToWeights => "Change weights and method";
    DismissNotices => "Dismiss";
    EstimateLegend => "marks counties whose data include estimates";
    WeightValue => "weight value";
    TablePages => "Ranking table pages";
    PrevPage => "Previous page";
    NextPage => "Next page";
    PageRange => "Rows {}–{} of {}";
    ToolsLoading => "Loading the import, export and exact-analysis tools…";
    ToolsFailed => "The import, export and exact-analysis tools could not be loaded; the current data and scenario are unchanged. Check the connection and try again.";
    // Import in a worker, with progress and cancel (issue 11, import safety).
    ImportStageLoading => "Loading the import component…";
    ImportStageChecking => "Checking the file's size and structure…";
    ImportStageReading => "Reading the file…";
    ImportStageMatching => "Matching columns, counties and values…";
    ImportCancel => "Cancel the import";
    ImportCancelled => "Import cancelled; the current data and scenario are unchanged.";
    ImportUnreadable => "This file could not be read: the import component failed or ran out of memory while reading it ({}). Check the file, or save it as a smaller XLSX or CSV and try again.";
    // The one-page county brief (issue 12, county brief and printing).
    BriefPrint => "Print brief";
    BriefMaking => "Making the brief…";
    BriefFailed => "The brief could not be made; the ranking and weights are unaffected. Check the connection and try again";
    BriefPrintAgain => "Print";
    BriefClose => "Close the brief";
    BriefFooter => "Made with the Fujian county key industrial chain index calculator; see its \"Method and sources\" section for the method and the sources.";
    // Methods that describe themselves (model::Choice): the steps, the names and explanations not above.
    Weighting => "Weighting";
    Treatment => "Outlier treatment (before normalisation)";
    WeightManual => "Manual weights";
    WeightEqual => "Equal weights";
    WeightEntropy => "Entropy";
    WeightCritic => "CRITIC";
    WeightAhp => "AHP";
    TreatNone => "None";
    TreatLog => "Log";
    TreatWinsorise => "Winsorise";
    ExplainMinMax => "Maps each indicator linearly onto 0-100: the lowest value scores 0 and the highest 100.";
    ExplainEfficacy => "The same linear map as min-max, but onto 60-100, so the lowest value still scores 60.";
    ExplainZScore => "Scores the mean as 50 and one sample standard deviation as 10 points; extreme values weigh less than under min-max.";
    ExplainRank => "Uses only the order, not the gaps: each county scores by its position on the indicator (ties share their mean position).";
    ExplainTreatNone => "Raw values go straight into normalisation.";
    ExplainTreatLog => "Compresses a long tail: for indicators where a few counties are far ahead (revenue, say), gaps count in proportion rather than in absolute terms; the sign of negative values is kept.";
    ExplainTreatWinsorise => "Clips values below the lower or above the upper percentile to that percentile (percentiles by linear interpolation); the rest stay as they are.";
    ExplainManual => "You set the dimension weights and the indicator weights within each dimension; each level is normalised and an indicator's effective weight is the product.";
    ExplainEqual => "Each of the five dimensions gets one fifth, shared equally by its indicators.";
    ExplainEntropy => "The more unevenly an indicator is spread across counties (the lower its entropy), the more weight it gets; each indicator is first scaled to 0-1.";
    ExplainCritic => "Combines contrast (the standard deviation) with conflict (the less an indicator agrees with the others, the more it adds).";
    ExplainAhp => "Compare the five dimensions in pairs on Saaty's 1-9 scale; the principal eigenvector of the comparison matrix gives the dimension weights, acceptable when the consistency ratio CR is below 0.1.";
    ExplainArithmetic => "Dimensions fully compensate each other: a weak dimension can be made up by strong ones.";
    ExplainGeometric => "Compensation is limited: a weak dimension pulls harder, so balanced counties gain. Dimension scores below 0.1 count as 0.1 so the logarithm stays finite.";
    // A fixed-bounds normalisation, added through model::Choice.
    NormGoalposts => "Goalposts (fixed bounds)";
    ExplainGoalposts => "Scores each indicator between a fixed lower bound L (0 points) and upper bound U (100 points), clipped to 0-100. The bounds default to the indicator's plausible range (plausible_min and plausible_max in seeds/indicators.json), so a score does not depend on which counties are compared; for an indicator where lower is better the direction is reversed.";

    // Core messages: brief, summary, state, validation, embed API (helper A adds below).

    // Analysis panels: src/ui/analysis (helper B adds below).

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).

    // Page components, tools, exports, share links (helper D adds below).
    // Data errors and where they are (src/data/mod.rs).
    DataEmpty => "the file is empty or has no data rows";
    DataCsv => "cannot read the CSV: {}";
    DataMissingColumn => "required column {} is missing";
    DataNotANumber => "\"{}\" is not a number";
    DataNegative => "{} cannot be negative";
    DataDuplicateAdcode => "adcode {} appears more than once";
    DataMissingIdentity => "the row has no adcode or no name";
    DataTooManyRows => "the file has more rows than the limit of {} (header included) and was not imported; split it into smaller files";
    DataAtRowColumn => "row {}, column {}: {}";
    DataAtRow => "row {}: {}";
    DataAtColumn => "column {}: {}";
    // Import problems and warnings (src/data/import/messages.rs).
    ImportWorkbookUnreadable => "the workbook cannot be read ({}); save it as XLSX or CSV and try again";
    ImportNoSheetAtAll => "the workbook has no sheet";
    ImportNoSheet => "there is no sheet named \"{}\"";
    ImportSheetTooLarge => "the sheet is too large (over 200,000 rows or 1,000 columns)";
    ImportNoIdentityColumn => "no column identifies the units: add \"{2}\" or \"{3}\" (or {0} / {1})";
    ImportNoIndicatorColumns => "no column matches an indicator; headers should be indicator names or ids, optionally with a unit";
    ImportDuplicateColumn => "matches indicator {0}, as does column \"{1}\"";
    ImportDimensionMissing => "no indicator of the dimension \"{}\" has a column, so no unit can be ranked";
    ImportInvalidAdcode => "\"{}\" is not a 6-digit administrative code";
    ImportUnknownName => "\"{}\" is none of Fujian's 83 counties; for other places give the administrative code";
    ImportAmbiguousName => "the name \"{}\" fits several counties; give the administrative code";
    ImportNameMismatch => "code {0} is {2}, which does not match the name \"{1}\"";
    ImportDuplicateUnit => "the same unit ({0}, counting former names and codes) as row {1}";
    ImportUnexpectedPercent => "\"{}\" has a % sign, but the indicator is measured in {}";
    ImportNoValues => "the file holds no indicator value at all";
    ImportMoreProblems => "{} further problems are not listed";
    ImportFileTooLarge => "the file is too large ({}); the limit is {}";
    ImportTooManyEntries => "the workbook's zip archive has {} entries, over the limit of {}; nothing was inflated";
    ImportEntryTooLarge => "the archive entry \"{}\" declares {} inflated, over the limit of {} per entry; nothing was inflated";
    ImportArchiveTooLarge => "the archive's entries declare {} inflated in all, over the limit of {}; nothing was inflated";
    ImportCompressionRatio => "the archive entry \"{}\" has a compression ratio of {}:1, over the limit of {}:1; nothing was inflated";
    ImportEntryLies => "the archive entry \"{}\" inflates to more than the {} bytes it declares; reading stopped";
    ImportTooManyCells => "the sheet has more than {} cells, the limit";
    ImportBeyondExcel => "the cell reference \"{}\" lies beyond Excel's grid (the last cell is XFD1048576)";
    ImportBadDimension => "the sheet's dimension \"{}\" ends before it starts";
    ImportOdsRefused => "ODS (OpenDocument) spreadsheets are not accepted; save the file as XLSX or CSV in WPS, LibreOffice or Excel and import that";
    ImportXlsbRefused => "XLSB (binary Excel workbooks) is not accepted; save the file as XLSX or CSV and import that";
    ImportListSeparator => ", ";
    ImportUndecodable => "some bytes are not valid {} and were replaced by �";
    ImportIgnoredColumn => "not a known indicator or identity column; ignored";
    ImportMissingIndicator => "indicator \"{}\" is absent and treated as missing";
    ImportPercentAsFraction => "all {} values lie within ±1.5, like percentages stored as fractions (0.522 for 52.2 %); multiplied by 100";
    ImportUnitConverted => "values converted from {} to {}";
    ImportUnitUnknown => "the unit \"{}\" in the header differs from the indicator's \"{}\"; values taken as they are";
    ImportMissingValues => "units without a value: {0} of {1}; treated as missing";
    ImportOutOfRange => "values outside the plausible range {1} to {2}: {0} (the farthest {3}); check the unit and the data; they are used as they are";
    ImportFormerName => "\"{}\" was recognised as its current successor {} ({})";
    ImportOtherUnits => "{} units are not among Fujian's 83 counties and are ranked by their codes (e.g. {})";
    ImportAbsentCounties => "{} Fujian counties are not in the file (e.g. {}) and will not be ranked";
    ImportSkippedTotalRow => "\"{}\" is a total row and was skipped";
    ImportUnranked => "{} units lack every indicator of some dimension and cannot be ranked";
    ImportEmptyRow => "\"{}\" has no indicator value";
    // Data sets saved in the browser (src/data/saved.rs).
    SavedMissing => "this browser has no saved copy of it";
    SavedUnreadable => "the saved text cannot be read; it may have been cut short or changed";
    SavedNewerVersion => "it was saved by a newer version of this page (format {}); reload the page";
    SavedHashMismatch => "its values no longer match the hash they were saved with; they may have been changed";
    // Ranking exports (src/data/export.rs) and their file names (src/data/export_name.rs).
    ExportNoticeEstimates => "Data notice: for counties marked \"includes estimates\", some indicator values are this project's estimates calibrated to the white paper's published results; they are not official statistics.";
    ExportNoticeNoEstimates => "Data notice: every value comes from the data set named below; none is a project estimate.";
    ExportAdcode => "Adcode";
    ExportCounty => "County";
    ExportComposite => "Composite score";
    ExportPlacesMoved => "Places moved vs default";
    ExportDataColumn => "Data";
    ExportIncludesEstimates => "includes estimates";
    ExportSheetRanking => "Ranking";
    ExportSheetNotes => "Notes";
    ExportItem => "Item";
    ExportValue => "Value";
    ExportDataNotice => "Data notice";
    ExportDataSet => "Data set";
    ExportYear => "Year";
    ExportSource => "Source";
    ExportContentHash => "Content hash";
    ExportUnits => "Units";
    ExportDate => "Exported on";
    ExportDimensionIndicator => "Dimension / indicator";
    ExportUnit => "Unit";
    ExportWeightWithin => "Weight within dimension (%)";
    ExportWeightOverall => "Overall weight (%)";
    ExportFileRanking => "ranking";
    ExportFileTemplate => "import-template";
    ExportFileEstimates => "includes-estimates";
    // Share link notices (src/share.rs).
    ShareUnknown => "the link parameter \"{}\" is not known and was ignored";
    ShareInvalid => "the value \"{1}\" of the link parameter {0} is invalid; the default is used";
    ShareInvalidWeights => "invalid weights";
    ShareBadWeights => "the link parameter {}: {}; the default weights are used";
    ShareWrongCount => "the link parameter {} should hold {} numbers, not {}; the default is used";
    ShareRepeated => "the link parameter {} appears more than once; only the first is used";
    ShareNoticeCannotBeHidden => "the data notice cannot be hidden";
    ShareMissingDataset => "the link uses the imported data set \"{}\", which this browser does not have; showing the bundled data";
    ShareUnknownCounty => "the county {} in the link is not in the current data set";
    ShareCorruptDataset => "the saved copy of the data set \"{}\" that the link uses is damaged ({}); showing the bundled data";
    ShareMore => "… {}";
    // The data panel (src/ui/data_panel.rs, src/ui/import_report.rs).
    DataSavedUnusable => "The saved data set \"{}\" cannot be used: {}.";
    DataUnitCount => "{} units";
    DataHeading => "Data: import, export and sharing";
    DataCurrent => "Current data set: ";
    DataUseBundled => "Use the bundled data";
    DataImportHeading => "Import a data file";
    DataImportHint => "CSV (UTF-8 or GBK), XLSX or XLS; one row per county with its code or name and the indicators. A file with problems replaces nothing.";
    DataChooseFile => "Choose a file";
    DataSavedHeading => "Saved data sets";
    DataStorageUnavailable => "This browser does not let the page store data (in a sandboxed frame, for example); imported data lasts only for this visit.";
    DataNoneSaved => "None yet. Imported data sets are kept in this browser.";
    DataIndexUnreadable => "The list of saved data sets cannot be read; the list below is rebuilt from the saved data sets themselves. Before the next save its text is kept aside (fjindex:datasets:unreadable), not overwritten.";
    DataUse => "Use";
    DataDelete => "Delete";
    DataExportHeading => "Export";
    DataExportCsv => "Ranking CSV";
    DataExportXlsx => "Ranking XLSX";
    DataTemplateCsv => "Import template CSV";
    DataTemplateXlsx => "Import template XLSX";
    DataShareLink => "Share link";
    DataShareHint => "The link records weights, methods, the selected county, the language and the data set; an imported data set is available only in the browser that saved it.";
    ImportDone => "Imported \"{}\": {} units ({} of them Fujian counties), {} indicators.";
    ImportNotDone => "Not imported: {} problems found; the current data and scenario are unchanged.";
    ImportSheet => "Sheet";
    ImportRow => "Row";
    ImportColumn => "Column";
    ImportProblem => "Problem";
    // The header (src/ui/header.rs).
    HeaderImportedYear => ", year {}";
    HeaderImportedNotice => "Showing the imported data set \"{}\" (source file: {}{}): {} units, {} values ({} missing). The values are used as supplied; this page has not checked their source and has estimated none of them.";
    HeaderNoticeCounts => "The current data set has {} values: {} published in the white paper, {} estimates anchored to white-paper figures of another definition or period, and {} other estimates.";
    // On-demand panels, tools, methods, saving and weights (src/ui).
    PageWithBrackets => "{} ({})";
    PageRetry => "Try again";
    PageLoadingCharts => "Loading the charts…";
    PageLoadingAnalysis => "Loading the analysis…";
    PagePanelsFailed => "This part could not be loaded ({}); the ranking and weights are unaffected. Check the connection and try again.";
    StoreIndexRebuilt => "The list of saved data sets could not be read: its text was kept aside (fjindex:datasets:unreadable) and the list was rebuilt from the saved data sets.";
    StoreNotSaved => "The data is imported but could not be saved in this browser (storage is full, the data set is too large, or saving is not allowed): it lasts for this visit only, and a link opened later falls back to the bundled data.";
    WeightsIndicatorCount => "Indicator weights ({})";
    WeightsShareLabel => "{} of composite";

}

/// "nth".
pub fn place(n: u32) -> String {
    ordinal(n)
}

/// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
