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
    // The county brief (src/brief.rs, src/ui/brief.rs).
    BriefTitle => "County key industrial chain index · county brief";
    BriefEstimateNotice => "Values in this brief include this project's estimates (the white paper publishes no county data); they are not official statistics and only demonstrate the method.";
    BriefRankOf => "{} of {}";
    BriefDate => "Date";
    BriefMethodHeading => "Data and method";
    BriefDataset => "Data set: {}, {} county-level units.";
    BriefDatasetWithYear => "Data set: {}, {}, {} county-level units.";
    BriefMethod => "Method: {}; {}; {}; {}.";
    BriefTreatLog => "{} log-transformed";
    BriefTreatWinsorise => "{} winsorised at {}–{} %";
    BriefTreatNone => "no outlier treatment";
    BriefListSeparator => ", ";
    BriefDimensionWeights => "Dimension weights (share of the composite): {}.";
    BriefDimensionsHeading => "Dimensions against the province and prefecture means";
    BriefDimensionsNote => "Scores 0-100; ranks are among all counties of the province.";
    BriefColDimension => "Dimension";
    BriefColScore => "Score";
    BriefColRank => "Rank";
    BriefPrefectureMean => "{} mean";
    BriefProvinceMean => "Province mean";
    BriefSummaryHeading => "Strengths and weak spots";
    BriefUncertaintyHeading => "How certain the rank is (5-95 %)";
    BriefUncertaintyMethod => "Each dimension weight was multiplied by a random factor between {}% and {}% and the counties re-ranked ({} draws from a fixed random sequence, so the figures reproduce).";
    BriefBoundsHeading => "Best and worst possible rank";
    BriefBoundsRanks => "Over every split of the weight among the dimensions (each from 0 to 100 %, together 100 %), its best rank is {} and its worst {}.";
    BriefBoundsBestWeights => "Weights giving the best rank: {}.";
    BriefBoundsWorstWeights => "Weights giving the worst rank: {}.";
    BriefReachHeading => "What it would take to move up";
    BriefReachFirst => "It already ranks first; holding its lead in each dimension keeps it there.";
    BriefReachIntro => "With the other indicators unchanged, one indicator alone would lift it to {} (now → needed):";
    BriefReachNone => "No single indicator can lift it to {} on its own without exceeding the best county's value.";
    BriefAdvice => "{}: {} → {}; best county {}";
    BriefAdviceWithChange => "{}: {} → {} ({}); best county {}";
    BriefLinkHeading => "Reopen this view";
    BriefLinkIntro => "Scan the code or open this link to see this county with the same data and weights in the calculator:";
    BriefFailedWithReason => "{} ({}).";
    BriefChartLabel => "Chart of the dimension scores against the means";
    BriefQrLabel => "QR code of the link to this view";
    // The strengths and weak spots sentence (src/summary.rs): its pieces are appended in this order, so
    // each carries its own leading punctuation or space.
    SummaryUnranked => "{} is not ranked overall because some dimensions have no data.";
    SummaryRanked => "{0} ranks {1} of {2} overall ({4} of {5} in {3}), scoring {6}.";
    SummaryStrength => "{} ({})";
    SummaryOneStrength => " It is strong in {}";
    SummaryTwoStrengths => " It is strong in {} and {}";
    SummaryBestDimension => " Its best dimension is {} ({})";
    SummaryWeakSpot => "; {} ({}) is the main weak spot.";
    SummaryNoWeakSpot => "; no dimension lags far behind.";
    SummaryEstimates => " (Based on estimated data.)";
    // Bounded echo (src/echo.rs) and the embed API's errors (src/embed_api.rs).
    EchoMore => "and {} more";
    EmbedUnknownAdcode => "no unit with adcode {}";
    EmbedUnknownDimension => "unknown dimension \"{}\"";
    EmbedUnknownLanguage => "unknown language \"{}\"; expected {}";
    EmbedNotACommand => "not a command: {}";
    // The page state's problems (src/state.rs, src/state/weights.rs).
    StateScoreProblem => "{}. The ranking shown is the last valid one.";
    StateRefusedProblem => "{}. The scenario was not applied; the weights and ranking are unchanged.";
    StateWeightEmpty => "{}: enter a number from 0 to 100; the previous value {} is still used.";
    StateWeightNotANumber => "{}: \"{}\" is not a number; enter a number from 0 to 100. The previous value {} is still used.";
    StateWeightOutOfRange => "{}: {} is out of range; weights go from 0 to 100. The previous value {} is still used.";
    // The scenario check (src/validate.rs); the two weight counts are also the scoring core's.
    ValidWeightNotFinite => "the weight of {}, \"{}\", is not a finite number; weights go from 0 to 100";
    ValidWeightNegative => "the weight of {}, {}, is negative; weights go from 0 to 100";
    ValidWeightAboveMax => "the weight of {}, {}, is above 100; weights go from 0 to 100";
    ValidDimensionWeightCount => "expected {} dimension weights, got {}";
    ValidIndicatorWeightCount => "expected {} indicator weights, got {}";
    ValidTreatmentCount => "expected {} treatments, got {}";
    ValidDimensionWeightsZero => "the dimension weights cannot all be zero (weights below 2.2e-308 count as zero)";
    ValidIndicatorWeightsZero => "the indicator weights of {} cannot all be zero (weights below 2.2e-308 count as zero)";
    // Why a scenario could not be scored (src/score.rs, src/method/ahp.rs).
    ScoreDimensionWeightNegative => "dimension weights must be non-negative numbers, got {}";
    ScoreIndicatorWeightNegative => "indicator weights must be non-negative numbers, got {}";
    ScoreDimensionWeightsZero => "the dimension weights cannot all be zero";
    ScoreIndicatorWeightsZero => "the indicator weights of dimension {} cannot all be zero";
    ScoreDegenerateWeighting => "the data has no spread, so {} weights are undefined";
    ScoreMissingAhpMatrix => "AHP weighting needs a pairwise comparison matrix";
    ScoreTreatmentCount => "expected {} indicator treatments, got {}";
    ScoreShapeMismatch => "the data should have {} indicator columns, got {}";
    ScoreAhpSize => "the matrix needs {} entries, got {}";
    ScoreAhpNotPositive => "row {}, column {} must be positive";
    ScoreAhpOffScale => "row {}, column {}: {} is outside Saaty's 1/9 to 9 scale";
    ScoreAhpNotReciprocal => "row {}, column {} is not the reciprocal of its mirror entry";

    // Analysis panels: src/ui/analysis (helper B adds below).

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).

    // Page components, tools, exports, share links (helper D adds below).

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
