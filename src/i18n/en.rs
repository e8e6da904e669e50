//! The English catalogue.

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
    BundledDataName => "Fujian counties 2024 (demonstration data)";
    BundledDataSource => "figures published in the white paper (2025) + this project's calibrated estimates";
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
    // The analysis section, its estimate note and the method explanations (mod.rs, explain.rs, pickers.rs).
    PanelIntro => "Everything below runs in your browser: method choices and the real influence of the weights, AHP, how certain each rank is, what a county needs to move up, and a side-by-side comparison.";
    PanelEstimateNote => "Based on estimated data: these results are computed on this project's estimates, not on official statistics.";
    PanelApplyWeights => "Apply these weights";
    ExplainDimensionScore => "A dimension score is the weighted mean of its indicators' normalised values: s_d = Σ_{i∈d} v_i · x′_i. The alternatives at each step:";
    PickChoose => "(choose)";
    // What it takes to move up (reach.rs, profile_reach.rs).
    ReachHeading => "What it takes to move up";
    ReachPickFirst => "Pick a county first (click it in the ranking or a chart, or use the box above).";
    ReachTargetRange => "The target rank must be a whole number from 1 to {}.";
    ReachNotReproduced => "Re-scored, these weights do not give the reported rank; they were not applied.";
    ReachCurrentRank => "now {0} of {1}";
    ReachNotRanked => "not ranked";
    ReachCompute => "Compute";
    ReachStale => "The method or data have changed; these results belong to the earlier settings. Compute again.";
    ReachWeightsHeading => "Dimension weights for rank {}";
    ReachOneIndicatorHeading => "Raising one indicator alone (others unchanged)";
    ReachWeightsFound => "With the weights in the right-hand column it ranks {0} (a total weight change of {1} percentage points, the smallest that reaches the target).";
    ReachColDimension => "Dimension";
    ReachColCurrent => "Current";
    ReachColNew => "New";
    ReachColChange => "Change";
    ReachApplied => "Applied. It now ranks {}.";
    ReachBoundsHeading => "Best and worst possible rank";
    ReachNoPrecomputed => "No precomputed result for the current data or method. ";
    ReachComputeNow => "Compute now";
    ReachBounds => "Over every possible dimension weighting its best rank is {0} and its worst {1}.";
    ReachBestWeights => "Weights giving the best rank";
    ReachWorstWeights => "Weights giving the worst rank";
    ReachApply => "Apply";
    ReachExactPrecomputed => "Exact (mixed-integer programme, computed in advance for the bundled data).";
    ReachExactInBrowser => "Exact (mixed-integer programme, computed in your browser).";
    ReachProfileHeading => "What one indicator alone would take to reach rank {}";
    ReachProfileCompute => "Compute (other indicators unchanged)";
    ReachRestAlone => "{} indicators cannot do it alone";
    ReachStepPoints => "+{} points";
    ReachStepPercent => " (+{}%)";
    ReachBeyondBest => "{1}: would need more than the best county's {2}; out of reach alone";
    ReachNoValue => "{}: no value";
    ReachAlready => "{}: already there";
    ReachBeyondPlausible => "{0}: not even its plausible maximum reaches rank {1}";
    // Rank uncertainty (uncertainty.rs).
    UncHeading => "How certain is each rank";
    UncHelp => "Monte Carlo: each sample multiplies every dimension weight by an independent uniform factor in [1 − X, 1 + X] and renormalises, optionally also drawing the normalisation and aggregation; per county the median rank and the 5% and 95% quantiles (nearest-rank) are reported, with the share of samples in which it stays ahead of the next county; \"may swap\" marks a county that swaps places with the one above or below in more than one sample in ten. The same seed always gives the same result.";
    UncSamplesRange => "the number of samples must be a whole number from 1 to {}";
    UncNoiseRange => "the noise X must be a number from 0 up to (not including) 1";
    UncSeedInvalid => "the seed must be a non-negative whole number";
    UncSamples => "Samples";
    UncNoise => "Noise X";
    UncSeed => "Seed";
    UncVary => "Also vary the normalisation and aggregation";
    UncRun => "Run";
    UncCancel => "Cancel";
    UncCannotRun => "Cannot run: ";
    UncProgress => "Progress";
    UncCancelled => "Cancelled after {} of {} samples; the last completed result stays below.";
    UncRunDone => "{} samples, X = {}, seed {}; took {} ms in {} chunks.";
    UncRunDoneVaried => "{} samples, X = {}, seed {}, methods varied too; took {} ms in {} chunks.";
    UncStale => "The method or data have changed since: these results belong to the earlier settings; run again to update them.";
    UncShowInChart => "Show in the chart";
    UncTopN => "Top {}";
    UncAllCounties => "All counties";
    UncTableLabel => "Rank uncertainty table";
    UncTableCaption => "Each county's rank distribution";
    UncColNominal => "Nominal";
    UncColMedian => "Median";
    UncColAheadNext => "Ahead of the next";
    UncColNeighbours => "Against neighbours";
    // Method choices and outlier treatment (methods_more.rs).
    MoreHeading => "Method choices and the real influence of the weights";
    MoreScheme => "Weighting scheme";
    MoreAhpHint => "The dimension weights come from the AHP comparison matrix below.";
    MoreChartCaption => "An indicator whose correlation is high for its weight drives the ranking more than its weight suggests; one with a correlation near zero or below hardly moves it, whatever its weight.";
    MoreTreatments => "Outlier treatment (per indicator)";
    MoreTreated => "{} treated";
    MoreColTreatment => "Treatment";
    MoreLowerPercentile => "Lower percentile";
    MoreUpperPercentile => "Upper percentile";
    MorePercentilesRange => "Percentiles must lie between 0 and 100 with the lower below the upper; the previous setting is kept.";
    MorePercentilesNumbers => "Type the percentiles as numbers; the previous setting is kept.";
    MoreResetTreatments => "Set all back to none";
    MoreExplainSummary => "What each method does, with its formula";
    // The AHP form (ahp.rs).
    AhpHeading => "Dimension weights by AHP";
    AhpHelp => "Above the diagonal, choose how much more the row matters than the column; the reciprocals fill in below.";
    AhpScaleIntro => "Saaty's scale, row against column: ";
    AhpScaleSeparator => "; ";
    AhpScaleEqual => "equally important";
    AhpScaleModerate => "moderately more important";
    AhpScaleStrong => "strongly more important";
    AhpScaleVeryStrong => "very strongly more important";
    AhpScaleExtreme => "extremely more important";
    AhpScaleBetween => "between the neighbouring levels";
    AhpScaleReciprocals => "; 1/3, 1/5 and so on are the reciprocals (the column matters more).";
    AhpMatrixLabel => "Comparison matrix";
    AhpCellLabel => "Importance of {} relative to {}";
    AhpWeightsCaption => "Dimension weights from the principal eigenvector";
    AhpInUse => "These comparisons' weights are in use.";
    AhpConsistent => "Consistency ratio CR = {} < {}: the comparisons are acceptable.";
    AhpInconsistent => "Consistency ratio CR = {} ≥ {}: the comparisons contradict each other (A over B and B over C, yet C over A, say). The ranking keeps the previous weights; revise the comparisons or accept them explicitly.";
    AhpAcceptAnyway => "Use them anyway (accept the inconsistency)";
    AhpResetAll => "Set all to equally important";
    AhpHowCr => "How the consistency ratio is computed";
    AhpRiCaption => "Random consistency index RI (Saaty, The Analytic Hierarchy Process, 1980, Table 1.7)";
    // Comparing counties (compare.rs).
    CmpHeading => "Compare counties";
    CmpChooseRange => "Choose 2 to {} counties.";
    CmpRemove => "Remove {}";
    CmpAddSelected => "Add the selected county, {}";
    CmpChoose => "Choose counties";
    CmpFilter => "Filter by name";
    CmpFull => "At most {} counties; remove one to add another.";
    CmpOneMore => "Choose one more county to compare the indicators.";
    CmpTableLabel => "Indicator comparison table";
    CmpTableCaption => "Indicators compared (★ marks the better county in each row)";
    CmpComposite => "Composite score (rank)";
    CmpBetter => "better";
    CmpBetterAside => " (better)";

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).
    ChartTooSmall => "the drawing area is too small";
    ChartTitleAndCaption => "{}. {}";
    ChartDimension => "Dimension";
    ChartRank => "Rank";
    ChartCompositeColumn => "Composite";
    ChartProfileUntitled => "County profile";
    ChartProfileEmpty => "Select a county first";
    ChartProfileNone => "No county selected";
    ChartProfileTitle => "{}: dimension scores against the means";
    ChartProfilePrefectureMean => "{} mean ({} counties)";
    ChartProfileProvinceMean => "Province mean";
    ChartProfileRankInDimension => "Rank in dimension";
    ChartProfileRankOf => "{0} of {2}";
    ChartContribTitle => "Top {} counties: what makes up the score";
    ChartContribCaption => "Bar length is the composite; each segment is dimension weight × dimension score";
    ChartContribLogTitle => "Top {} counties: log contributions (geometric mean)";
    ChartContribLogCaption => "Under a geometric mean contributions do not add up: each segment is weight × ln(dimension score) on a log axis; bar length is ln(composite)";
    ChartContribEmpty => "No ranked counties to show";
    ChartWeightsTitle => "Indicator weights and their real influence";
    ChartWeightsCaption => "Left: effective weight (share of the composite); right: Pearson correlation r with the composite";
    ChartWeightsEmpty => "No indicator weights";
    ChartEffectiveWeight => "Effective weight";
    ChartWeightsCorrelationPanel => "Correlation r with composite";
    ChartWeightsCorrelation => "Correlation r";
    ChartCompareTooMany => "compare at most {} counties";
    ChartCompareNotInData => "a selected county is not in the data";
    ChartCompareTitle => "Counties compared: dimension scores";
    ChartCompareEmpty => "Pick two to four counties to compare";
    ChartTopNLabel => "Counties in the bar chart";
    ChartTopN => "Top {}";
    ChartKeyboardHint => "Use the arrow keys to move between items and Enter or Space to select";
    ChartDownloadPng => "Download PNG";
    ChartShowTable => "Show the data table";
    ChartCellSeparator => ", ";
    ShiftTitle => "Rank shift: default weights → current scenario";
    ShiftCaption => "Counties moving {} or more places are drawn bold: blue up, orange down";
    ShiftEmpty => "No rankings to compare";
    ShiftDefault => "Default";
    ShiftCurrent => "Current";
    ShiftDefaultRank => "Default rank";
    ShiftCurrentRank => "Current rank";
    MapCompositeScore => "Composite score";
    MapColourByLabel => "Colour the map by";
    MapTitle => "Tile map of counties (schematic), coloured by {}";
    MapCaption => "One tile per county, placed roughly by its centre point; not a boundary map";
    MapEmpty => "No counties to show";
    MapUnlocated => "Without coordinates:";
    MapMoreUnlocated => "… {} more (see the table)";
    MapRankEnd => "rank {}";
    MapNoData => "no data";
    MapOnMap => "On the map";
    MapYes => "yes";
    MapNoCoordinates => "no (no coordinates)";
    IntervalTitle => "How certain is each rank";
    IntervalCaption => "Bar: 5th–95th percentile of ranks; tick: median rank; dot: nominal rank; ≈ marks counties that swap places with a neighbour in over one perturbation in ten";
    IntervalEmpty => "Rank uncertainty has not been computed yet";
    IntervalSettled => "order settled";
    IntervalSwapAbove => "may swap with the one above";
    IntervalSwapBelow => "may swap with the one below";
    IntervalSwapBoth => "may swap with both neighbours";
    IntervalNominalRank => "Nominal rank";
    IntervalMedianRank => "Median rank";
    IntervalRange => "5%–95% interval";
    IntervalNeighbours => "Against neighbours";
    IntervalSentenceAt => "In 90% of the weight perturbations {} ranks {}";
    IntervalSentenceBetween => "In 90% of the weight perturbations {4} ranks between {0} and {1}";
    IntervalSentenceAheadOfNext => "; it stays ahead of {} (next below) in {} of them";
    IntervalSentenceOvertakes => " and overtakes {} (next above) in {}";
    IntervalSentenceEnd => ".";
    IntervalShare => "{}";
    IntervalShareOver => "over {}";
    IntervalShareUnder => "under {}";
    AnalysisUnknownUnit => "no unit with adcode {} in the data";
    AnalysisUnranked => "{} lacks a whole dimension and is not ranked";
    AnalysisTargetOutOfRange => "target rank {} is not between 1 and {}";
    AnalysisSolverFailed => "the solver failed: {}";
    AnalysisReachAlready => "already at rank {} under the current weights";
    AnalysisReachWeights => "weights of {} give rank {} (total weight change {} percentage points)";
    AnalysisReachNone => "no dimension weighting reaches rank {}; the best possible is rank {}";
    AnalysisListSeparator => ", ";
    AnalysisIndicatorAlready => "already at rank {} or better";
    AnalysisIndicatorMissing => "{}: no value";
    AnalysisIndicatorAlone => "{} alone cannot lift it to rank {}";
    AnalysisIndicatorPoints => "raising {} by {} percentage points would lift it to rank {}";
    AnalysisIndicatorMore => "raising {} by {} {} would lift it to rank {}";

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
