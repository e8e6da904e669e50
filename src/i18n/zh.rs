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

    // Analysis panels: src/ui/analysis (helper B adds below).

    // Charts and analyses: src/chart, src/analysis, src/method (helper C adds below).

    // Page components, tools, exports, share links (helper D adds below).
    // Data errors and where they are (src/data/mod.rs).
    DataEmpty => "文件为空或没有数据行";
    DataCsv => "无法读取 CSV：{}";
    DataMissingColumn => "缺少必需的列 {}";
    DataNotANumber => "“{}”不是数字";
    DataNegative => "{} 不能为负数";
    DataDuplicateAdcode => "行政区划代码 {} 重复";
    DataMissingIdentity => "缺少行政区划代码或名称";
    DataTooManyRows => "文件超过 {} 行的上限（含表头行），未导入；请拆分文件后分别导入";
    DataAtRowColumn => "第 {} 行，{} 列：{}";
    DataAtRow => "第 {} 行：{}";
    DataAtColumn => "{} 列：{}";
    // Import problems and warnings (src/data/import/messages.rs).
    ImportWorkbookUnreadable => "无法读取该工作簿（{}）；请另存为 XLSX 或 CSV 后重试";
    ImportNoSheetAtAll => "工作簿中没有工作表";
    ImportNoSheet => "找不到工作表“{}”";
    ImportSheetTooLarge => "工作表过大（超过 20 万行或 1000 列）";
    ImportNoIdentityColumn => "找不到县域标识列：需要“{0}”或“{1}”（也可写 {2}、{3}）";
    ImportNoIndicatorColumns => "没有一列能对应到指标；列名应为指标名称或指标代码，可带单位";
    ImportDuplicateColumn => "与“{1}”列对应同一指标 {0}";
    ImportDimensionMissing => "维度“{}”的指标一列也没有，无法计算排名";
    ImportInvalidAdcode => "“{}”不是 6 位行政区划代码";
    ImportUnknownName => "“{}”不是福建省 83 个县（市、区）之一；其他地区请填写行政区划代码";
    ImportAmbiguousName => "名称“{}”对应多个县域，请填写行政区划代码";
    ImportNameMismatch => "代码 {0} 是{2}，与名称“{1}”不符";
    ImportDuplicateUnit => "与第 {1} 行是同一县域（{0}，含已撤并的旧名称或旧代码）";
    ImportUnexpectedPercent => "“{}”带百分号，但该指标单位是{}";
    ImportNoValues => "文件中没有任何指标数值";
    ImportMoreProblems => "另有 {} 个问题未列出";
    ImportFileTooLarge => "文件过大（{}），超过 {} 的上限";
    ImportTooManyEntries => "工作簿压缩包含 {} 个条目，超过 {} 个的上限，未解压";
    ImportEntryTooLarge => "压缩包条目“{}”声明解压后为 {}，超过每个条目 {} 的上限，未解压";
    ImportArchiveTooLarge => "压缩包各条目声明解压后共 {}，超过 {} 的上限，未解压";
    ImportCompressionRatio => "压缩包条目“{}”的压缩比为 {}:1，超过 {}:1 的上限，未解压";
    ImportEntryLies => "压缩包条目“{}”解压后超过其声明的 {} 字节，已停止读取";
    ImportTooManyCells => "工作表的单元格超过 {} 个的上限";
    ImportBeyondExcel => "单元格引用“{}”超出 Excel 的范围（最后一个单元格是 XFD1048576）";
    ImportBadDimension => "工作表范围“{}”的终点在起点之前";
    ImportOdsRefused => "不接受 ODS（OpenDocument）表格；请在 WPS、LibreOffice 或 Excel 中另存为 XLSX 或 CSV 后导入";
    ImportXlsbRefused => "不接受 XLSB（Excel 二进制工作簿）；请另存为 XLSX 或 CSV 后导入";
    ImportListSeparator => "、";
    ImportUndecodable => "按 {} 读取时有无法识别的字符，已替换为 �";
    ImportIgnoredColumn => "不是已知指标或标识列，已忽略";
    ImportMissingIndicator => "缺少指标“{}”，按缺失值处理";
    ImportPercentAsFraction => "全部 {} 个数值都在 ±1.5 以内，像是以小数存放的百分比（如 0.522 表示 52.2%），已乘以 100";
    ImportUnitConverted => "数值已由{}换算为{}";
    ImportUnitUnknown => "列名中的单位“{}”与指标单位“{}”不同，数值按原样使用";
    ImportMissingValues => "{1} 个县域中有 {0} 个缺少数值，按缺失值处理";
    ImportOutOfRange => "{0} 个数值超出合理范围 {1}–{2}（最远的是 {3}），请核对单位和数据；数值照常参与计算";
    ImportFormerName => "“{}”按现行区划识别为{}（{}）";
    ImportOtherUnits => "{} 个单位不在福建省 83 个县（市、区）之列，按其代码一并计算（如 {}）";
    ImportAbsentCounties => "文件中没有 {} 个福建县域（如 {}），它们不参加排名";
    ImportSkippedTotalRow => "“{}”是合计行，已跳过";
    ImportUnranked => "{} 个县域有整个维度缺少数据，将不参加排名";
    ImportEmptyRow => "“{}”没有任何指标数值";
    // Data sets saved in the browser (src/data/saved.rs).
    SavedMissing => "本浏览器中没有保存该数据集";
    SavedUnreadable => "保存的内容无法读取，可能已被截断或改动";
    SavedNewerVersion => "它由较新版本的本页保存（格式版本 {}），请更新页面";
    SavedHashMismatch => "保存的数值与其校验值不符，可能已被改动";
    // Ranking exports (src/data/export.rs) and their file names (src/data/export_name.rs).
    ExportNoticeEstimates => "数据说明：标注“含估算”的县域，其部分指标值是本项目依据白皮书公布结果校准的估算值，不是官方统计数据。";
    ExportNoticeNoEstimates => "数据说明：全部数值来自下列数据集，不含本项目估算值。";
    ExportAdcode => "行政区划代码";
    ExportCounty => "县（市、区）";
    ExportComposite => "综合得分";
    ExportPlacesMoved => "较默认方案名次变化";
    ExportDataColumn => "数据";
    ExportIncludesEstimates => "含估算";
    ExportSheetRanking => "排名";
    ExportSheetNotes => "说明";
    ExportItem => "项目";
    ExportValue => "内容";
    ExportDataNotice => "数据说明";
    ExportDataSet => "数据集";
    ExportYear => "年份";
    ExportSource => "数据来源";
    ExportContentHash => "数据校验值";
    ExportUnits => "县域数";
    ExportDate => "导出日期";
    ExportDimensionIndicator => "维度 / 指标";
    ExportUnit => "单位";
    ExportWeightWithin => "维度内权重（%）";
    ExportWeightOverall => "总权重（%）";
    ExportFileRanking => "排名";
    ExportFileTemplate => "导入模板";
    ExportFileEstimates => "含估算";
    // Share link notices (src/share.rs).
    ShareUnknown => "链接参数“{}”无法识别，已忽略";
    ShareInvalid => "链接参数 {0} 的值“{1}”无效，已使用默认值";
    ShareInvalidWeights => "权重无效";
    ShareBadWeights => "链接参数 {}：{}，已使用默认权重";
    ShareWrongCount => "链接参数 {} 应有 {} 个数值，实际 {} 个，已使用默认值";
    ShareRepeated => "链接参数 {} 出现多次，只采用第一次的值";
    ShareNoticeCannotBeHidden => "数据说明不能隐藏";
    ShareMissingDataset => "链接使用的导入数据集“{}”不在本浏览器中，已改用内置数据";
    ShareUnknownCounty => "链接中的县域 {} 不在当前数据集中";
    ShareCorruptDataset => "链接使用的数据集“{}”在本浏览器中的保存副本已损坏（{}），已改用内置数据";
    ShareMore => "……{}";
    // The data panel (src/ui/data_panel.rs, src/ui/import_report.rs).
    DataSavedUnusable => "无法使用保存的数据集“{}”：{}。";
    DataUnitCount => "{} 个单位";
    DataHeading => "数据：导入、导出与分享";
    DataCurrent => "当前数据集：";
    DataUseBundled => "使用内置数据";
    DataImportHeading => "导入数据文件";
    DataImportHint => "CSV（UTF-8 或 GBK）、XLSX 或 XLS；每行一个县域，列为行政区划代码或名称及各项指标。有问题的文件不会替换当前数据。";
    DataChooseFile => "选择文件";
    DataSavedHeading => "已保存的数据集";
    DataStorageUnavailable => "此浏览器不允许本页保存数据（例如在沙盒化的嵌入框架中），导入的数据只在本次访问中有效。";
    DataNoneSaved => "暂无。导入的数据集会保存在本浏览器中。";
    DataIndexUnreadable => "已保存的数据集列表无法读取；下面按保存的数据集本身重建。下次保存前，原列表内容会另存（fjindex:datasets:unreadable），不会被覆盖。";
    DataUse => "使用";
    DataDelete => "删除";
    DataExportHeading => "导出";
    DataExportCsv => "排名 CSV";
    DataExportXlsx => "排名 XLSX";
    DataTemplateCsv => "导入模板 CSV";
    DataTemplateXlsx => "导入模板 XLSX";
    DataShareLink => "分享链接";
    DataShareHint => "链接记录权重、方法、所选县域、语言和数据集；导入的数据集只在保存它的浏览器中可用。";
    ImportDone => "已导入“{}”：{} 个单位（其中福建县域 {} 个），{} 项指标。";
    ImportNotDone => "未导入：发现 {} 个问题，当前数据和方案保持不变。";
    ImportSheet => "工作表";
    ImportRow => "行";
    ImportColumn => "列";
    ImportProblem => "问题";
    // The header (src/ui/header.rs).
    HeaderImportedYear => "，{} 年";
    HeaderImportedNotice => "当前显示导入的数据集“{}”（来源文件：{}{}）：{} 个单位，{} 个数值（另缺失 {} 个）。数值按文件原样使用，本页未核对其来源，也未作任何估算。";
    HeaderNoticeCounts => "当前数据集共 {} 个数值：白皮书公布值 {} 个，依据白皮书其他口径数据锚定的估算值 {} 个，其他估算值 {} 个。";
    // On-demand panels, tools, methods, saving and weights (src/ui).
    PageWithBrackets => "{}（{}）";
    PageRetry => "重试";
    PageLoadingCharts => "正在加载图表……";
    PageLoadingAnalysis => "正在加载深入分析……";
    PagePanelsFailed => "无法加载本部分（{}）；排名和权重不受影响。请检查网络后重试。";
    StoreIndexRebuilt => "已保存的数据集列表无法读取：原内容已另存（fjindex:datasets:unreadable），列表已按保存的数据集重建。";
    StoreNotSaved => "数据已导入，但无法保存在本浏览器中（存储空间已满、数据集过大或不允许保存），只在本次访问中有效；以后打开的链接会改用内置数据。";
    WeightsIndicatorCount => "指标权重（{} 项）";
    WeightsShareLabel => "占综合指数 {}";

}

/// "第 n 位".
pub fn place(n: u32) -> String {
    format!("第 {n} 位")
}
