//! Every fixed string of the interface in Chinese and English, looked up by key; messages with numbers
//! are small functions next to them.

use crate::model::Lang;

macro_rules! keys {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A fixed interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for tests that check completeness.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn zh(self) -> &'static str {
                match self { $(Key::$key => $zh),* }
            }

            pub fn en(self) -> &'static str {
                match self { $(Key::$key => $en),* }
            }
        }
    };
}

keys! {
    Title => "福建省县域重点产业链发展指数", "Fujian County Key Industrial Chain Development Index";
    Subtitle => "交互式计算器：调整权重与方法，实时重算 83 个县域的排名", "Interactive calculator: change weights and methods and the ranking of 83 counties updates at once";
    SwitchLang => "English", "中文";
    SwitchLangLabel => "切换为英文界面", "Switch to Chinese";
    NoticeHeading => "数据说明", "About the data";
    NoticeEstimates => "本页数据并非全部为官方统计：白皮书只公布了前十名的综合得分和各维度前十名单，其余数值是本项目依据这些公布结果校准的估算值，不是官方数据。", "Not all values on this page are official statistics: the white paper publishes only the top-10 composite scores and each dimension's top-10 list; the other values are this project's estimates, calibrated to those published results, and are not official figures.";
    NoticeLink => "方法与来源", "Method and sources";
    EstimateMark => "估", "est.";
    EstimateMarkTitle => "含本项目估算值", "Includes project estimates";
    BasedOnEstimates => "基于估算数据", "based on estimated data";
    WeightsHeading => "权重", "Weights";
    WeightsHelp => "拖动滑块或输入 0–100 的数值；百分比为该维度在综合指数中的实际占比。", "Drag a slider or type a value from 0 to 100; the percentage is the dimension's actual share of the composite.";
    IndicatorWeights => "指标权重", "Indicator weights";
    ShareOfComposite => "占综合指数", "of composite";
    Presets => "预设方案", "Presets";
    PresetEqual => "等权（默认）", "Equal (default)";
    PresetEntropy => "熵权法", "Entropy";
    PresetCritic => "CRITIC 法", "CRITIC";
    PresetInnovation => "创新引领", "Innovation-led";
    PresetScale => "规模引领", "Scale-led";
    PresetQuality => "质量引领", "Quality-led";
    PresetSmart => "智造引领", "Smart-manufacturing-led";
    DerivedWeights => "当前权重由数据推算（{}）；移动任一滑块即转为手动权重。", "The weights are derived from the data ({}); moving any slider switches to manual weights.";
    Reset => "恢复默认", "Reset";
    MethodHeading => "方法", "Method";
    Normalisation => "标准化方法", "Normalisation";
    NormMinMax => "极差标准化（0–100）", "Min-max (0-100)";
    NormEfficacy => "功效系数法（60–100）", "Efficacy coefficient (60-100)";
    NormZScore => "Z 分数（均值 50）", "Z-score (mean 50)";
    NormRank => "百分位排名", "Percentile rank";
    Aggregation => "合成方法", "Aggregation";
    AggArithmetic => "加权算术平均", "Weighted arithmetic mean";
    AggGeometric => "加权几何平均", "Weighted geometric mean";
    Dismiss => "关闭", "Dismiss";
    RankingHeading => "县域排名", "County ranking";
    Search => "按名称搜索", "Search by name";
    SearchPlaceholder => "如：晋江", "e.g. Jinjiang";
    Prefecture => "设区市", "Prefecture";
    AllPrefectures => "全部设区市", "All prefectures";
    ShowingRows => "显示 {} / {} 个县域", "Showing {} of {} counties";
    ColRank => "排名", "Rank";
    ColChange => "变化", "Change";
    ColCounty => "县域", "County";
    ColPrefecture => "设区市", "Prefecture";
    ColScore => "综合得分", "Score";
    ChangeHelp => "与默认方案（等权）排名相比", "Compared with the default (equal-weight) ranking";
    Top10 => "前十", "Top 10";
    SortBy => "排序：", "Sort by ";
    Unranked => "未排名", "Unranked";
    NoRows => "没有符合条件的县域。", "No county matches.";
    SelectHint => "点击县域名称查看详情", "Click a county name to see its profile";
    PrefecturesHeading => "设区市汇总", "Prefecture summary";
    ColCounties => "县域数", "Counties";
    ColMeanScore => "平均得分", "Mean score";
    ColInTop10 => "前 10 名", "In top 10";
    ColInTop20 => "前 20 名", "In top 20";
    ChartsHeading => "图表", "Charts";
    AnalysisHeading => "深入分析", "Analysis";
    LoadCharts => "加载图表", "Load the charts";
    LoadAnalysis => "加载深入分析", "Load the analysis";
    AdviceCaption => "单项指标需达到的数值（其他指标不变）", "The value one indicator alone would need (others unchanged)";
    AdviceNow => "当前", "Now";
    AdviceNeeded => "需达到", "Needed";
    AdviceBest => "全省最高", "Best county";
    AdviceNoneAlone => "没有哪一项指标单独提高（且不超过全省最高值）就能达到这个名次。", "No single indicator can reach this rank on its own without exceeding the best county's value.";
    AdviceTarget => "目标名次", "Target rank";
    ProfileHeading => "县域详情", "County profile";
    CompositeRank => "综合排名", "Overall rank";
    PrefectureRank => "市内排名", "Rank in prefecture";
    ColIndicator => "指标", "Indicator";
    ColRaw => "原始值", "Value";
    ColNormalised => "标准化得分", "Normalised";
    ColIndicatorRank => "全省位次", "Rank";
    ColSource => "来源", "Source";
    DimensionScore => "维度得分", "Dimension score";
    Missing => "缺失", "missing";
    StatusPublished => "公布值", "published";
    StatusEstimate => "估算值", "estimate";
    StatusAnchored => "锚定估算", "anchored estimate";
    StatusImported => "导入值", "imported";
    StatusPublishedHelp => "白皮书公布的数值", "A figure printed in the white paper";
    StatusEstimateHelp => "本项目的估算值，不是官方数据", "This project's estimate, not an official figure";
    StatusAnchoredHelp => "本项目的估算值，与白皮书中另一口径或时期的数据保持一致", "This project's estimate, held consistent with a white-paper figure of another definition or period";
    StatusImportedHelp => "没有来源记录的数值", "A value without a source record";
    CloseProfile => "关闭详情", "Close profile";
    MethodsHeading => "方法与来源", "Method and sources";
    MethodsIndex => "指数由 5 个维度、16 项指标构成（白皮书表3-1）。每项指标先标准化，再在维度内加权平均得到维度得分，最后按维度权重合成为综合得分。默认方案为极差标准化、两级等权、算术平均。", "The index combines 16 indicators in 5 dimensions (white paper Table 3-1). Each indicator is normalised, averaged with weights within its dimension into a dimension score, and the dimension scores are combined with the dimension weights into the composite. The default is min-max normalisation, equal weights at both levels and an arithmetic mean.";
    MethodsWeights => "熵权法按指标数据的离散程度赋权；CRITIC 法同时考虑指标的波动和与其他指标的冲突性。二者均由当前数据推算。", "Entropy weights favour indicators whose values spread more; CRITIC weights combine each indicator's spread with how little it agrees with the others. Both are derived from the current data.";
    MethodsSources => "来源：福建省工业和信息化厅《福建省县域重点产业链发展白皮书（2025）》（2025 年 12 月），表3-1 指标体系、表3-2 综合前十、表3-3 各维度前十。白皮书未公布指标定义、单位和权重，本页的定义与单位是本项目的解读。", "Source: Fujian Provincial Department of Industry and Information Technology, white paper on the development of key industrial chains in Fujian counties (2025), December 2025: Table 3-1 (indicators), Table 3-2 (composite top 10), Table 3-3 (top 10 per dimension). The paper gives no indicator definitions, units or weights; those shown here are this project's reading.";
    MethodsEstimates => "估算值由本项目的可复现校准程序生成：在默认方案下重现表3-2与表3-3，并与白皮书其他章节给出的县域数据保持一致。估算值仅用于演示计算方法，不代表官方统计。", "Estimates come from this project's reproducible calibration: under the default method they reproduce Tables 3-2 and 3-3 and stay consistent with the county figures printed elsewhere in the paper. They only demonstrate the method and are not official statistics.";
    MethodsMap => "县域中心点坐标来自 Vonng 的 adcode 数据集（CC BY 4.0）。", "County centre points: Vonng's adcode data set (CC BY 4.0).";
    Footer => "本计算器在浏览器内运行，不向任何服务器发送数据。", "This calculator runs in your browser and sends no data to any server.";
    SkipToRanking => "跳到排名表", "Skip to the ranking";
    JumpToWeights => "调整权重与方法", "Change weights and method";
    DismissNotices => "知道了", "Dismiss";
    EstimateLegend => "表示该县域的数据含估算值", "marks counties whose data include estimates";
    WeightValue => "权重数值", "weight value";
    TablePages => "排名表分页", "Ranking table pages";
    PrevPage => "上一页", "Previous page";
    NextPage => "下一页", "Next page";
    PageRange => "第 {}–{} 行，共 {} 行", "Rows {}–{} of {}";
    ToolsLoading => "正在加载导入、导出与精确计算组件……", "Loading the import, export and exact-analysis tools…";
    ToolsFailed => "无法加载导入、导出与精确计算组件，当前数据和方案保持不变。请检查网络后重试。", "The import, export and exact-analysis tools could not be loaded; the current data and scenario are unchanged. Check the connection and try again.";
    // Import in a worker, with progress and cancel (issue 11, import safety).
    ImportStageLoading => "正在加载导入组件……", "Loading the import component…";
    ImportStageChecking => "正在检查文件大小与结构……", "Checking the file's size and structure…";
    ImportStageReading => "正在读取文件……", "Reading the file…";
    ImportStageMatching => "正在核对列、县域与数值……", "Matching columns, counties and values…";
    ImportCancel => "取消导入", "Cancel the import";
    ImportCancelled => "已取消导入，当前数据和方案保持不变。", "Import cancelled; the current data and scenario are unchanged.";
    ImportUnreadable => "无法读取此文件：读取时导入组件出错或内存不足（{}）。请检查文件，或另存为较小的 XLSX 或 CSV 后重试。", "This file could not be read: the import component failed or ran out of memory while reading it ({}). Check the file, or save it as a smaller XLSX or CSV and try again.";
    // The one-page county brief (issue 12, county brief and printing).
    BriefPrint => "打印简报", "Print brief";
    BriefMaking => "正在生成简报……", "Making the brief…";
    BriefFailed => "无法生成简报，排名和权重不受影响；请检查网络后重试", "The brief could not be made; the ranking and weights are unaffected. Check the connection and try again";
    BriefPrintAgain => "打印", "Print";
    BriefClose => "关闭简报", "Close the brief";
    BriefFooter => "福建省县域重点产业链发展指数计算器生成；方法与来源见计算器页面“方法与来源”。", "Made with the Fujian county key industrial chain index calculator; see its \"Method and sources\" section for the method and the sources.";
    // Methods that describe themselves (model::Choice): the steps, the names and explanations not above.
    Weighting => "赋权方法", "Weighting";
    Treatment => "异常值处理（标准化之前）", "Outlier treatment (before normalisation)";
    WeightManual => "手动权重", "Manual weights";
    WeightEqual => "等权", "Equal weights";
    WeightEntropy => "熵权法", "Entropy";
    WeightCritic => "CRITIC 法", "CRITIC";
    WeightAhp => "层次分析法（AHP）", "AHP";
    TreatNone => "不处理", "None";
    TreatLog => "对数", "Log";
    TreatWinsorise => "缩尾", "Winsorise";
    ExplainMinMax => "把每项指标线性映射到 0–100，最小值得 0 分，最大值得 100 分。", "Maps each indicator linearly onto 0-100: the lowest value scores 0 and the highest 100.";
    ExplainEfficacy => "与极差标准化相同的线性映射，但落在 60–100 之间，最低值也有 60 分。", "The same linear map as min-max, but onto 60-100, so the lowest value still scores 60.";
    ExplainZScore => "以均值为 50、一个样本标准差为 10 分计分，极端值的影响比极差法小。", "Scores the mean as 50 and one sample standard deviation as 10 points; extreme values weigh less than under min-max.";
    ExplainRank => "只看名次不看差距：按县域在该指标上的位次（并列取平均位次）计分。", "Uses only the order, not the gaps: each county scores by its position on the indicator (ties share their mean position).";
    ExplainTreatNone => "原始数值直接进入标准化。", "Raw values go straight into normalisation.";
    ExplainTreatLog => "压缩长尾：营业收入等少数县域特别大的指标取对数后，差距按比例而非绝对量计算；保留负值的符号。", "Compresses a long tail: for indicators where a few counties are far ahead (revenue, say), gaps count in proportion rather than in absolute terms; the sign of negative values is kept.";
    ExplainTreatWinsorise => "把低于下分位数或高于上分位数的值截到该分位数（分位数按线性插值），其余不变。", "Clips values below the lower or above the upper percentile to that percentile (percentiles by linear interpolation); the rest stay as they are.";
    ExplainManual => "维度权重与维度内指标权重都由使用者给定，各自归一化；指标的有效权重是两者之积。", "You set the dimension weights and the indicator weights within each dimension; each level is normalised and an indicator's effective weight is the product.";
    ExplainEqual => "五个维度各占五分之一，维度内各指标平分该维度的权重。", "Each of the five dimensions gets one fifth, shared equally by its indicators.";
    ExplainEntropy => "指标在县域间分布越不均匀（信息熵越小），权重越大。先把每项指标极差缩放到 0–1。", "The more unevenly an indicator is spread across counties (the lower its entropy), the more weight it gets; each indicator is first scaled to 0-1.";
    ExplainCritic => "兼顾对比强度（标准差）与冲突性（与其他指标的相关越低越独特）。", "Combines contrast (the standard deviation) with conflict (the less an indicator agrees with the others, the more it adds).";
    ExplainAhp => "对五个维度两两比较重要性（Saaty 1–9 标度），判断矩阵的主特征向量即维度权重；一致性比率 CR < 0.1 才视为可接受。", "Compare the five dimensions in pairs on Saaty's 1-9 scale; the principal eigenvector of the comparison matrix gives the dimension weights, acceptable when the consistency ratio CR is below 0.1.";
    ExplainArithmetic => "维度之间可以完全互补：一个维度的短板可由其他维度的长处弥补。", "Dimensions fully compensate each other: a weak dimension can be made up by strong ones.";
    ExplainGeometric => "补偿有限：短板拉低得更多，均衡发展的县域更占优。维度得分低于 0.1 时按 0.1 计，以免取对数为负无穷。", "Compensation is limited: a weak dimension pulls harder, so balanced counties gain. Dimension scores below 0.1 count as 0.1 so the logarithm stays finite.";
    // A fixed-bounds normalisation, added through model::Choice.
    NormGoalposts => "固定阈值（目标值）标准化", "Goalposts (fixed bounds)";
    ExplainGoalposts => "每项指标按固定的下限 L 与上限 U 计分：L 得 0 分，U 得 100 分，超出部分截断在 0–100。上下限默认取该指标的合理取值范围（seeds/indicators.json 的 plausible_min 与 plausible_max），因此得分不随参与比较的县域而变；越低越好的指标方向相反。", "Scores each indicator between a fixed lower bound L (0 points) and upper bound U (100 points), clipped to 0-100. The bounds default to the indicator's plausible range (plausible_min and plausible_max in seeds/indicators.json), so a score does not depend on which counties are compared; for an indicator where lower is better the direction is reversed.";
}

/// The string of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Zh => key.zh(),
        Lang::En => key.en(),
    }
}

/// Fills the `{}` placeholders of `key` in order.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    let mut out = String::new();
    let mut rest = t(lang, key);
    for arg in args {
        match rest.split_once("{}") {
            Some((head, tail)) => {
                out.push_str(head);
                out.push_str(arg);
                rest = tail;
            }
            None => break,
        }
    }
    out.push_str(rest);
    out
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

/// "第 n 位" or "nth".
pub fn place(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 位"),
        Lang::En => ordinal(n),
    }
}

/// The English name of a Fujian prefecture, or the Chinese name when it is not one of the nine.
pub fn prefecture_name(lang: Lang, zh: &str) -> String {
    if lang == Lang::Zh {
        return zh.to_string();
    }
    let en = match zh {
        "福州市" => "Fuzhou",
        "厦门市" => "Xiamen",
        "莆田市" => "Putian",
        "三明市" => "Sanming",
        "泉州市" => "Quanzhou",
        "漳州市" => "Zhangzhou",
        "南平市" => "Nanping",
        "龙岩市" => "Longyan",
        "宁德市" => "Ningde",
        _ => return zh.to_string(),
    };
    en.to_string()
}

/// True when `text` contains a Han character (used by tests that keep English text free of Chinese).
pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_and_english_has_no_han() {
        for &k in Key::ALL {
            assert!(!k.zh().is_empty() && !k.en().is_empty(), "{k:?}");
            assert!(
                !has_han(k.en()) || k == Key::SwitchLang,
                "{k:?} English text has Han characters"
            );
            assert_eq!(
                k.zh().matches("{}").count(),
                k.en().matches("{}").count(),
                "{k:?} placeholders differ"
            );
        }
    }

    #[test]
    fn ordinals_follow_english_rules() {
        let cases = [
            (1, "1st"),
            (2, "2nd"),
            (3, "3rd"),
            (4, "4th"),
            (11, "11th"),
            (12, "12th"),
            (13, "13th"),
            (21, "21st"),
            (42, "42nd"),
            (83, "83rd"),
            (111, "111th"),
        ];
        for (n, want) in cases {
            assert_eq!(ordinal(n), want);
        }
    }

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(
            tf(Lang::En, Key::ShowingRows, &["5", "83"]),
            "Showing 5 of 83 counties"
        );
        assert_eq!(
            tf(Lang::Zh, Key::ShowingRows, &["5", "83"]),
            "显示 5 / 83 个县域"
        );
    }

    #[test]
    fn prefectures_have_english_names() {
        assert_eq!(prefecture_name(Lang::En, "泉州市"), "Quanzhou");
        assert_eq!(prefecture_name(Lang::Zh, "泉州市"), "泉州市");
        assert_eq!(prefecture_name(Lang::En, "金门县"), "金门县");
    }
}
