//! The Simplified Chinese catalogue, the source language: it declares every key of the interface.

crate::i18n::declare_keys! {
    Title => "福建省县域重点产业链发展指数";
    Subtitle => "交互式计算器：调整权重与方法，实时重算 83 个县域的排名";
    SwitchLang => "English";
    SwitchLangLabel => "切换为英文界面";
    NoticeHeading => "数据说明";
    NoticeEstimates => "本页数据并非全部为官方统计：白皮书只公布了前十名的综合得分和各维度前十名单，其余数值是本项目依据这些公布结果校准的估算值，不是官方数据。";
    NoticeLink => "方法与来源";
    EstimateMark => "估";
    EstimateMarkTitle => "含本项目估算值";
    BasedOnEstimates => "基于估算数据";
    WeightsHeading => "权重";
    WeightsHelp => "拖动滑块或输入 0–100 的数值；百分比为该维度在综合指数中的实际占比。";
    IndicatorWeights => "指标权重";
    ShareOfComposite => "占综合指数";
    Presets => "预设方案";
    PresetEqual => "等权（默认）";
    PresetEntropy => "熵权法";
    PresetCritic => "CRITIC 法";
    PresetInnovation => "创新引领";
    PresetScale => "规模引领";
    PresetQuality => "质量引领";
    PresetSmart => "智造引领";
    DerivedWeights => "当前权重由数据推算（{}）；移动任一滑块即转为手动权重。";
    Reset => "恢复默认";
    MethodHeading => "方法";
    Normalisation => "标准化方法";
    NormMinMax => "极差标准化（0–100）";
    NormEfficacy => "功效系数法（60–100）";
    NormZScore => "Z 分数（均值 50）";
    NormRank => "百分位排名";
    Aggregation => "合成方法";
    AggArithmetic => "加权算术平均";
    AggGeometric => "加权几何平均";
    Dismiss => "关闭";
    RankingHeading => "县域排名";
    Search => "按名称搜索";
    SearchPlaceholder => "如：晋江";
    Prefecture => "设区市";
    AllPrefectures => "全部设区市";
    ShowingRows => "显示 {} / {} 个县域";
    ColRank => "排名";
    ColChange => "变化";
    ColCounty => "县域";
    ColPrefecture => "设区市";
    ColScore => "综合得分";
    ChangeHelp => "与默认方案（等权）排名相比";
    Top10 => "前十";
    SortBy => "排序：";
    Unranked => "未排名";
    NoRows => "没有符合条件的县域。";
    SelectHint => "点击县域名称查看详情";
    PrefecturesHeading => "设区市汇总";
    ColCounties => "县域数";
    ColMeanScore => "平均得分";
    ColInTop10 => "前 10 名";
    ColInTop20 => "前 20 名";
    ChartsHeading => "图表";
    AnalysisHeading => "深入分析";
    LoadCharts => "加载图表";
    LoadAnalysis => "加载深入分析";
    AdviceCaption => "单项指标需达到的数值（其他指标不变）";
    AdviceNow => "当前";
    AdviceNeeded => "需达到";
    AdviceBest => "全省最高";
    AdviceNoneAlone => "没有哪一项指标单独提高（且不超过全省最高值）就能达到这个名次。";
    AdviceTarget => "目标名次";
    ProfileHeading => "县域详情";
    CompositeRank => "综合排名";
    PrefectureRank => "市内排名";
    ColIndicator => "指标";
    ColRaw => "原始值";
    ColNormalised => "标准化得分";
    ColIndicatorRank => "全省位次";
    ColSource => "来源";
    DimensionScore => "维度得分";
    Missing => "缺失";
    StatusPublished => "公布值";
    StatusEstimate => "估算值";
    StatusAnchored => "锚定估算";
    StatusImported => "导入值";
    StatusPublishedHelp => "白皮书公布的数值";
    StatusEstimateHelp => "本项目的估算值，不是官方数据";
    StatusAnchoredHelp => "本项目的估算值，与白皮书中另一口径或时期的数据保持一致";
    StatusImportedHelp => "没有来源记录的数值";
    CloseProfile => "关闭详情";
    MethodsHeading => "方法与来源";
    MethodsIndex => "指数由 5 个维度、16 项指标构成（白皮书表3-1）。每项指标先标准化，再在维度内加权平均得到维度得分，最后按维度权重合成为综合得分。默认方案为极差标准化、两级等权、算术平均。";
    MethodsWeights => "熵权法按指标数据的离散程度赋权；CRITIC 法同时考虑指标的波动和与其他指标的冲突性。二者均由当前数据推算。";
    MethodsSources => "来源：福建省工业和信息化厅《福建省县域重点产业链发展白皮书（2025）》（2025 年 12 月），表3-1 指标体系、表3-2 综合前十、表3-3 各维度前十。白皮书未公布指标定义、单位和权重，本页的定义与单位是本项目的解读。";
    MethodsEstimates => "估算值由本项目的可复现校准程序生成：在默认方案下重现表3-2与表3-3，并与白皮书其他章节给出的县域数据保持一致。估算值仅用于演示计算方法，不代表官方统计。";
    MethodsMap => "县域中心点坐标来自 Vonng 的 adcode 数据集（CC BY 4.0）。";
    Footer => "本计算器在浏览器内运行，不向任何服务器发送数据。";
    SkipToRanking => "跳到排名表";
    JumpToWeights => "调整权重与方法";
    DismissNotices => "知道了";
    EstimateLegend => "表示该县域的数据含估算值";
    WeightValue => "权重数值";
    TablePages => "排名表分页";
    PrevPage => "上一页";
    NextPage => "下一页";
    PageRange => "第 {}–{} 行，共 {} 行";
    ToolsLoading => "正在加载导入、导出与精确计算组件……";
    ToolsFailed => "无法加载导入、导出与精确计算组件，当前数据和方案保持不变。请检查网络后重试。";
    // Import in a worker, with progress and cancel (issue 11, import safety).
    ImportStageLoading => "正在加载导入组件……";
    ImportStageChecking => "正在检查文件大小与结构……";
    ImportStageReading => "正在读取文件……";
    ImportStageMatching => "正在核对列、县域与数值……";
    ImportCancel => "取消导入";
    ImportCancelled => "已取消导入，当前数据和方案保持不变。";
    ImportUnreadable => "无法读取此文件：读取时导入组件出错或内存不足（{}）。请检查文件，或另存为较小的 XLSX 或 CSV 后重试。";
    // The one-page county brief (issue 12, county brief and printing).
    BriefPrint => "打印简报";
    BriefMaking => "正在生成简报……";
    BriefFailed => "无法生成简报，排名和权重不受影响；请检查网络后重试";
    BriefPrintAgain => "打印";
    BriefClose => "关闭简报";
    BriefFooter => "福建省县域重点产业链发展指数计算器生成；方法与来源见计算器页面“方法与来源”。";
    // Methods that describe themselves (model::Choice): the steps, the names and explanations not above.
    Weighting => "赋权方法";
    Treatment => "异常值处理（标准化之前）";
    WeightManual => "手动权重";
    WeightEqual => "等权";
    WeightEntropy => "熵权法";
    WeightCritic => "CRITIC 法";
    WeightAhp => "层次分析法（AHP）";
    TreatNone => "不处理";
    TreatLog => "对数";
    TreatWinsorise => "缩尾";
    ExplainMinMax => "把每项指标线性映射到 0–100，最小值得 0 分，最大值得 100 分。";
    ExplainEfficacy => "与极差标准化相同的线性映射，但落在 60–100 之间，最低值也有 60 分。";
    ExplainZScore => "以均值为 50、一个样本标准差为 10 分计分，极端值的影响比极差法小。";
    ExplainRank => "只看名次不看差距：按县域在该指标上的位次（并列取平均位次）计分。";
    ExplainTreatNone => "原始数值直接进入标准化。";
    ExplainTreatLog => "压缩长尾：营业收入等少数县域特别大的指标取对数后，差距按比例而非绝对量计算；保留负值的符号。";
    ExplainTreatWinsorise => "把低于下分位数或高于上分位数的值截到该分位数（分位数按线性插值），其余不变。";
    ExplainManual => "维度权重与维度内指标权重都由使用者给定，各自归一化；指标的有效权重是两者之积。";
    ExplainEqual => "五个维度各占五分之一，维度内各指标平分该维度的权重。";
    ExplainEntropy => "指标在县域间分布越不均匀（信息熵越小），权重越大。先把每项指标极差缩放到 0–1。";
    ExplainCritic => "兼顾对比强度（标准差）与冲突性（与其他指标的相关越低越独特）。";
    ExplainAhp => "对五个维度两两比较重要性（Saaty 1–9 标度），判断矩阵的主特征向量即维度权重；一致性比率 CR < 0.1 才视为可接受。";
    ExplainArithmetic => "维度之间可以完全互补：一个维度的短板可由其他维度的长处弥补。";
    ExplainGeometric => "补偿有限：短板拉低得更多，均衡发展的县域更占优。维度得分低于 0.1 时按 0.1 计，以免取对数为负无穷。";
    // A fixed-bounds normalisation, added through model::Choice.
    NormGoalposts => "固定阈值（目标值）标准化";
    ExplainGoalposts => "每项指标按固定的下限 L 与上限 U 计分：L 得 0 分，U 得 100 分，超出部分截断在 0–100。上下限默认取该指标的合理取值范围（seeds/indicators.json 的 plausible_min 与 plausible_max），因此得分不随参与比较的县域而变；越低越好的指标方向相反。";

    // Core messages: brief, summary, state, validation, embed API (helper A adds below).
    // The county brief (src/brief.rs, src/ui/brief.rs).
    BriefTitle => "县域重点产业链发展指数 · 县域简报";
    BriefEstimateNotice => "本简报中的数值含本项目的估算值（白皮书未公布县域数据），不是官方统计，仅供演示方法。";
    BriefRankOf => "{} / {}";
    BriefDate => "日期";
    BriefMethodHeading => "数据与方法";
    BriefDataset => "数据集：{}，{} 个县域单位。";
    BriefDatasetWithYear => "数据集：{}，{} 年，{} 个县域单位。";
    BriefMethod => "方法：{}；{}；{}；{}。";
    BriefTreatLog => "{}取对数";
    BriefTreatWinsorise => "{}按 {}–{} 百分位缩尾";
    BriefTreatNone => "不处理离群值";
    BriefListSeparator => "、";
    BriefDimensionWeights => "维度权重（占综合指数）：{}。";
    BriefDimensionsHeading => "各维度得分与全省、本市平均";
    BriefDimensionsNote => "得分 0–100；排名为全省县域中的名次。";
    BriefColDimension => "维度";
    BriefColScore => "得分";
    BriefColRank => "全省排名";
    BriefPrefectureMean => "{}平均";
    BriefProvinceMean => "全省平均";
    BriefSummaryHeading => "优势与短板";
    BriefUncertaintyHeading => "排名的不确定性（5%–95%）";
    BriefUncertaintyMethod => "将各维度权重分别乘以 {}%–{}% 的随机系数后重新排名（{} 次，固定随机序列，可重现）。";
    BriefBoundsHeading => "最好与最差可能名次";
    BriefBoundsRanks => "在任意维度权重组合下（每个维度权重可取 0–100%，合计 100%），最好可排{}，最差{}。";
    BriefBoundsBestWeights => "最好名次的权重：{}。";
    BriefBoundsWorstWeights => "最差名次的权重：{}。";
    BriefReachHeading => "如何提升名次";
    BriefReachFirst => "已位居全省第 1 位；保持各维度的领先即可。";
    BriefReachIntro => "在其他指标不变时，单项指标升至{}需要（当前 → 需达到）：";
    BriefReachNone => "没有哪一项指标单独提高（且不超过全省最高值）就能升至{}。";
    BriefAdvice => "{}：{} → {}；全省最高 {}";
    BriefAdviceWithChange => "{}：{} → {}（{}）；全省最高 {}";
    BriefLinkHeading => "重新打开此视图";
    BriefLinkIntro => "扫描二维码或打开以下链接，可在计算器中重现本简报的县域、数据与权重：";
    BriefFailedWithReason => "{}（{}）。";
    BriefChartLabel => "各维度得分与平均值对比图";
    BriefQrLabel => "本视图链接的二维码";
    // The strengths and weak spots sentence (src/summary.rs): its pieces are appended in this order, so
    // each carries its own leading punctuation or space.
    SummaryUnranked => "{}因部分维度缺少数据，未参与综合排名。";
    SummaryRanked => "{0}综合指数全省{1}（{3}{4}），得分 {6}。";
    SummaryStrength => "{}全省{}";
    SummaryOneStrength => "{}，为突出优势";
    SummaryTwoStrengths => "{}、{}，优势突出";
    SummaryBestDimension => "相对最强的是{}（{}）";
    SummaryWeakSpot => "；{}{}，为主要短板。";
    SummaryNoWeakSpot => "；各维度均无明显短板。";
    SummaryEstimates => "（基于估算数据）";
    // Bounded echo (src/echo.rs) and the embed API's errors (src/embed_api.rs).
    EchoMore => "另有 {} 条未列出";
    EmbedUnknownAdcode => "没有行政区划代码为 {} 的单位";
    EmbedUnknownDimension => "未知的维度“{}”";
    EmbedUnknownLanguage => "未知的语言“{}”，可用的语言：{}";
    EmbedNotACommand => "无法识别的命令：{}";
    // The page state's problems (src/state.rs, src/state/weights.rs).
    StateScoreProblem => "{}。排名保持上一次的有效结果。";
    StateRefusedProblem => "{}。该方案未被采用，权重和排名保持不变。";
    StateWeightEmpty => "{}：请输入 0 到 100 之间的数字，当前仍使用原值 {}。";
    StateWeightNotANumber => "{}：“{}”不是数字，请输入 0 到 100 之间的数字，当前仍使用原值 {}。";
    StateWeightOutOfRange => "{}：{} 超出范围，权重须在 0 到 100 之间，当前仍使用原值 {}。";
    // The scenario check (src/validate.rs); the two weight counts are also the scoring core's.
    ValidWeightNotFinite => "{}的权重“{}”不是有限的数字；权重须在 0 到 100 之间";
    ValidWeightNegative => "{}的权重 {} 为负数；权重须在 0 到 100 之间";
    ValidWeightAboveMax => "{}的权重 {} 大于 100；权重须在 0 到 100 之间";
    ValidDimensionWeightCount => "维度权重应有 {} 个，实际 {} 个";
    ValidIndicatorWeightCount => "指标权重应有 {} 个，实际 {} 个";
    ValidTreatmentCount => "数据处理方式应有 {} 个，实际 {} 个";
    ValidDimensionWeightsZero => "维度权重不能全部为零（小于 2.2e-308 的权重按零计）";
    ValidIndicatorWeightsZero => "{}的指标权重不能全部为零（小于 2.2e-308 的权重按零计）";
    // Why a scenario could not be scored (src/score.rs, src/method/ahp.rs).
    ScoreDimensionWeightNegative => "维度权重不能为负数或非数字：{}";
    ScoreIndicatorWeightNegative => "指标权重不能为负数或非数字：{}";
    ScoreDimensionWeightsZero => "维度权重不能全部为零";
    ScoreIndicatorWeightsZero => "维度 {} 的指标权重不能全部为零";
    ScoreDegenerateWeighting => "数据没有差异，无法计算 {} 权重";
    ScoreMissingAhpMatrix => "层次分析法需要一个判断矩阵";
    ScoreTreatmentCount => "指标处理方式应有 {} 个，实际 {} 个";
    ScoreShapeMismatch => "数据应有 {} 个指标列，实际 {} 个";
    ScoreAhpSize => "判断矩阵应有 {} 个元素，实际 {} 个";
    ScoreAhpNotPositive => "第 {} 行第 {} 列必须为正数";
    ScoreAhpOffScale => "第 {} 行第 {} 列的 {} 不在 1/9 到 9 的标度内";
    ScoreAhpNotReciprocal => "第 {} 行第 {} 列与其对称位置不互为倒数";

    // Analysis panels: src/ui/analysis (helper B adds below).

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).

    // Page components, tools, exports, share links (helper D adds below).

}

/// "第 n 位".
pub fn place(n: u32) -> String {
    format!("第 {n} 位")
}
