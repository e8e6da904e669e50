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
    BundledDataName => "福建省县域 2024（演示数据）";
    BundledDataSource => "白皮书（2025）公布值 + 本项目校准估算";
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

    // Analysis panels: src/ui/analysis (helper B adds below).
    // The analysis section, its estimate note and the method explanations (mod.rs, explain.rs, pickers.rs).
    PanelIntro => "以下分析都在浏览器内完成：方法选择与权重的实际影响、层次分析法、排名的不确定性、县域提升所需条件，以及多县对比。";
    PanelEstimateNote => "基于估算数据：本结果依据本项目的估算值计算，不是官方统计。";
    PanelApplyWeights => "采用这些权重";
    ExplainDimensionScore => "维度得分是维度内指标标准化值的加权平均：s_d = Σ_{i∈d} v_i · x′_i。各步骤的可选方法如下。";
    PickChoose => "（请选择）";
    // What it takes to move up (reach.rs, profile_reach.rs).
    ReachHeading => "县域提升需要什么";
    ReachPickFirst => "先选择一个县域（在排名表、图表中点击，或用上面的选择框）。";
    ReachTargetRange => "目标名次须为 1 到 {} 之间的整数。";
    ReachNotReproduced => "这组权重重新计算后未得到所报告的名次，未采用。";
    ReachCurrentRank => "当前{0}（共 {1} 个）";
    ReachNotRanked => "未参与排名";
    ReachCompute => "计算";
    ReachStale => "方案或数据已改变，以下结果对应计算时的方案，请重新计算。";
    ReachWeightsHeading => "调整维度权重升至第 {} 位";
    ReachOneIndicatorHeading => "仅提高一项指标（其他不变）";
    ReachWeightsFound => "把维度权重调整为下表右列，可升至{0}（权重总变动 {1} 个百分点，是达到目标的最小变动）。";
    ReachColDimension => "维度";
    ReachColCurrent => "当前权重";
    ReachColNew => "新权重";
    ReachColChange => "变动";
    ReachApplied => "已采用。现在排{}。";
    ReachBoundsHeading => "最好与最差可能名次";
    ReachNoPrecomputed => "当前数据或方法没有预先算好的结果。";
    ReachComputeNow => "现在计算";
    ReachBounds => "在所有可能的维度权重下，最好可排{0}，最差排{1}。";
    ReachBestWeights => "取得最好名次的权重";
    ReachWorstWeights => "导致最差名次的权重";
    ReachApply => "采用";
    ReachExactPrecomputed => "精确结果（混合整数规划，随内置数据预先算好）。";
    ReachExactInBrowser => "精确结果（混合整数规划，在浏览器内计算）。";
    ReachProfileHeading => "单项指标提升至第 {} 位需要什么";
    ReachProfileCompute => "计算（其他指标不变）";
    ReachRestAlone => "其余 {} 项指标单独无法做到";
    ReachStepPoints => "+{} 个百分点";
    ReachStepPercent => "（+{}%）";
    ReachBeyondBest => "{1}：需超过全省最高值（{2}），单项无法升至第 {0} 位";
    ReachNoValue => "{}：缺少数据";
    ReachAlready => "{}：已达到";
    ReachBeyondPlausible => "{0}：即使升至合理上限也无法升至第 {1} 位";
    // Rank uncertainty (uncertainty.rs).
    UncHeading => "排名的不确定性";
    UncHelp => "蒙特卡洛模拟：每次抽样把每个维度权重乘以 [1 − X, 1 + X] 内独立均匀分布的因子后重新归一化，可选同时随机选择标准化与合成方法；统计每个县域名次的中位数与 5%、95% 分位数（最近秩定义），以及领先下一名的抽样占比；与上一名或下一名的先后在超过一成的抽样中互换时标为“先后不稳”并注明是哪一名。相同的种子总是得到相同的结果。";
    UncSamplesRange => "抽样次数须为 1 到 {} 之间的整数";
    UncNoiseRange => "扰动幅度 X 须是不小于 0 且小于 1 的数";
    UncSeedInvalid => "随机种子须为非负整数";
    UncSamples => "抽样次数";
    UncNoise => "扰动幅度 X";
    UncSeed => "随机种子";
    UncVary => "同时改变标准化与合成方法";
    UncRun => "运行";
    UncCancel => "取消";
    UncCannotRun => "无法运行：";
    UncProgress => "进度";
    UncCancelled => "已取消（完成 {} / {} 次抽样）；下方仍显示上一次完成的结果。";
    UncRunDone => "{} 次抽样，X = {}，种子 {}；用时 {} 毫秒（{} 段）。";
    UncRunDoneVaried => "{} 次抽样，X = {}，种子 {}，同时改变方法；用时 {} 毫秒（{} 段）。";
    UncStale => "方案或数据已改变：以下结果对应运行时的方案，请重新运行。";
    UncShowInChart => "区间图显示";
    UncTopN => "前 {} 名";
    UncAllCounties => "全部县域";
    UncTableLabel => "排名不确定性表";
    UncTableCaption => "每个县域的名次分布";
    UncColNominal => "当前名次";
    UncColMedian => "中位名次";
    UncColAheadNext => "领先下一名的概率";
    UncColNeighbours => "与相邻县域";
    // Method choices and outlier treatment (methods_more.rs).
    MoreHeading => "方法选择与权重的实际影响";
    MoreScheme => "赋权方法";
    MoreAhpHint => "维度权重来自下方的层次分析法判断矩阵。";
    MoreChartCaption => "相关系数高于其权重所暗示的指标，对排名的实际影响更大；相关接近零或为负的指标，即使权重不小，也几乎不左右排名。";
    MoreTreatments => "异常值处理（逐项指标）";
    MoreTreated => "已处理 {} 项";
    MoreColTreatment => "处理方式";
    MoreLowerPercentile => "下分位数";
    MoreUpperPercentile => "上分位数";
    MorePercentilesRange => "分位数须在 0 到 100 之间，且下分位数小于上分位数；仍使用原来的设置。";
    MorePercentilesNumbers => "请输入数字形式的分位数；仍使用原来的设置。";
    MoreResetTreatments => "全部恢复为不处理";
    MoreExplainSummary => "各方法的含义与公式";
    // The AHP form (ahp.rs).
    AhpHeading => "层次分析法（AHP）定维度权重";
    AhpHelp => "在上三角选择每一对维度中行相对于列的重要性，下三角自动填入倒数。";
    AhpScaleIntro => "Saaty 标度：行相对于列 ";
    AhpScaleSeparator => "；";
    AhpScaleEqual => "同等重要";
    AhpScaleModerate => "稍微重要";
    AhpScaleStrong => "明显重要";
    AhpScaleVeryStrong => "强烈重要";
    AhpScaleExtreme => "极端重要";
    AhpScaleBetween => "介于相邻两级之间";
    AhpScaleReciprocals => "；1/3、1/5 等为其倒数（列比行重要）。";
    AhpMatrixLabel => "判断矩阵";
    AhpCellLabel => "{}相对于{}的重要性";
    AhpWeightsCaption => "由主特征向量得到的维度权重";
    AhpInUse => "这组判断矩阵的权重正在使用。";
    AhpConsistent => "一致性比率 CR = {} < {}，判断矩阵可以接受。";
    AhpInconsistent => "一致性比率 CR = {} ≥ {}：判断前后矛盾（例如甲比乙重要、乙比丙重要，丙却比甲重要）。排名仍使用原来的权重；请调整比较，或明确选择接受。";
    AhpAcceptAnyway => "仍然采用（接受不一致）";
    AhpResetAll => "全部设为同等重要";
    AhpHowCr => "一致性比率怎么算";
    AhpRiCaption => "平均随机一致性指标 RI（Saaty, The Analytic Hierarchy Process, 1980, 表 1.7）";
    // Comparing counties (compare.rs).
    CmpHeading => "县域对比";
    CmpChooseRange => "选择 2 到 {} 个县域。";
    CmpRemove => "移除{}";
    CmpAddSelected => "加入当前选中的{}";
    CmpChoose => "选择县域";
    CmpFilter => "按名称筛选";
    CmpFull => "最多比较 {} 个县域；先移除一个再添加。";
    CmpOneMore => "再选一个县域即可对比指标。";
    CmpTableLabel => "指标对比表";
    CmpTableCaption => "指标对比（★ 为该行较优的县域）";
    CmpComposite => "综合得分（名次）";
    CmpBetter => "较优";
    CmpBetterAside => "（较优）";

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).

    // Page components, tools, exports, share links (helper D adds below).

}

/// "第 n 位".
pub fn place(n: u32) -> String {
    format!("第 {n} 位")
}
