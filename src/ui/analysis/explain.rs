//! Short explanations of every method choice with its formula, in Chinese and English, as the engine
//! computes it (`method::normalise`, `method::weight`, `method::ahp`, `score::aggregate`).

use crate::model::Lang;
use yew::prelude::*;

/// One method alternative: its name, a sentence on what it does and its formula.
struct Entry {
    name: (&'static str, &'static str),
    text: (&'static str, &'static str),
    formula: &'static str,
}

const NORMALISATION: &[Entry] = &[
    Entry {
        name: ("极差标准化", "Min-max"),
        text: ("把每项指标线性映射到 0–100，最小值得 0 分，最大值得 100 分。", "Maps each indicator linearly onto 0-100: the lowest value scores 0 and the highest 100."),
        formula: "x′ = 100 · (x − min) / (max − min)",
    },
    Entry {
        name: ("功效系数法", "Efficacy coefficient"),
        text: ("与极差标准化相同的线性映射，但落在 60–100 之间，最低值也有 60 分。", "The same linear map as min-max, but onto 60-100, so the lowest value still scores 60."),
        formula: "x′ = 60 + 40 · (x − min) / (max − min)",
    },
    Entry {
        name: ("Z 分数", "Z-score"),
        text: ("以均值为 50、一个样本标准差为 10 分计分，极端值的影响比极差法小。", "Scores the mean as 50 and one sample standard deviation as 10 points; extreme values weigh less than under min-max."),
        formula: "x′ = 50 + 10 · (x − x̄) / s",
    },
    Entry {
        name: ("百分位排名", "Percentile rank"),
        text: ("只看名次不看差距：按县域在该指标上的位次（并列取平均位次）计分。", "Uses only the order, not the gaps: each county scores by its position on the indicator (ties share their mean position)."),
        formula: "x′ = 100 · (r − 1) / (n − 1)",
    },
];

const TREATMENT: &[Entry] = &[
    Entry {
        name: ("不处理", "None"),
        text: ("原始数值直接进入标准化。", "Raw values go straight into normalisation."),
        formula: "x′ = x",
    },
    Entry {
        name: ("对数", "Log"),
        text: ("压缩长尾：营业收入等少数县域特别大的指标取对数后，差距按比例而非绝对量计算；保留负值的符号。", "Compresses a long tail: for indicators where a few counties are far ahead (revenue, say), gaps count in proportion rather than in absolute terms; the sign of negative values is kept."),
        formula: "x′ = sign(x) · ln(1 + |x|)",
    },
    Entry {
        name: ("缩尾", "Winsorise"),
        text: ("把低于下分位数或高于上分位数的值截到该分位数（分位数按线性插值），其余不变。", "Clips values below the lower or above the upper percentile to that percentile (percentiles by linear interpolation); the rest stay as they are."),
        formula: "x′ = min(max(x, Q_lo), Q_hi)",
    },
];

const WEIGHTING: &[Entry] = &[
    Entry {
        name: ("手动", "Manual"),
        text: ("维度权重与维度内指标权重都由使用者给定，各自归一化；指标的有效权重是两者之积。", "You set the dimension weights and the indicator weights within each dimension; each level is normalised and an indicator's effective weight is the product."),
        formula: "w_d = a_d / Σa,  v_i = b_i / Σ_{j∈d} b_j,  W_i = w_d · v_i",
    },
    Entry {
        name: ("等权", "Equal"),
        text: ("五个维度各占五分之一，维度内各指标平分该维度的权重。", "Each of the five dimensions gets one fifth, shared equally by its indicators."),
        formula: "w_d = 1/5,  v_i = 1/n_d",
    },
    Entry {
        name: ("熵权法", "Entropy"),
        text: ("指标在县域间分布越不均匀（信息熵越小），权重越大。先把每项指标极差缩放到 0–1。", "The more unevenly an indicator is spread across counties (the lower its entropy), the more weight it gets; each indicator is first scaled to 0-1."),
        formula: "p_ij = z_ij / Σ_i z_ij,  e_j = −(1/ln n) Σ_i p_ij ln p_ij,  W_j = (1 − e_j) / Σ_k (1 − e_k)",
    },
    Entry {
        name: ("CRITIC 法", "CRITIC"),
        text: ("兼顾对比强度（标准差）与冲突性（与其他指标的相关越低越独特）。", "Combines contrast (the standard deviation) with conflict (the less an indicator agrees with the others, the more it adds)."),
        formula: "C_j = σ_j · Σ_k (1 − r_jk),  W_j = C_j / Σ_k C_k",
    },
    Entry {
        name: ("层次分析法", "AHP"),
        text: ("对五个维度两两比较重要性（Saaty 1–9 标度），判断矩阵的主特征向量即维度权重；一致性比率 CR < 0.1 才视为可接受。", "Compare the five dimensions in pairs on Saaty's 1-9 scale; the principal eigenvector of the comparison matrix gives the dimension weights, acceptable when the consistency ratio CR is below 0.1."),
        formula: "A·w = λ_max·w,  CI = (λ_max − n) / (n − 1),  CR = CI / RI",
    },
];

const AGGREGATION: &[Entry] = &[
    Entry {
        name: ("加权算术平均", "Weighted arithmetic mean"),
        text: ("维度之间可以完全互补：一个维度的短板可由其他维度的长处弥补。", "Dimensions fully compensate each other: a weak dimension can be made up by strong ones."),
        formula: "S = Σ_d w_d · s_d",
    },
    Entry {
        name: ("加权几何平均", "Weighted geometric mean"),
        text: ("补偿有限：短板拉低得更多，均衡发展的县域更占优。维度得分低于 0.1 时按 0.1 计，以免取对数为负无穷。", "Compensation is limited: a weak dimension pulls harder, so balanced counties gain. Dimension scores below 0.1 count as 0.1 so the logarithm stays finite."),
        formula: "S = Π_d max(s_d, 0.1)^{w_d}",
    },
];

fn group(lang: Lang, heading: (&str, &str), entries: &[Entry]) -> Html {
    html! {
        <section class="explain-group">
            <h4>{ lang.pick(heading.0, heading.1) }</h4>
            <dl>
                { for entries.iter().map(|e| html! {
                    <>
                        <dt>{ lang.pick(e.name.0, e.name.1) }</dt>
                        <dd>
                            { lang.pick(e.text.0, e.text.1) }
                            <code class="formula" translate="no">{ e.formula }</code>
                        </dd>
                    </>
                }) }
            </dl>
        </section>
    }
}

/// Every method choice explained, in four groups.
pub fn explanations(lang: Lang) -> Html {
    html! {
        <div class="explain">
            <p class="help">{ lang.pick(
                "维度得分是维度内指标标准化值的加权平均：s_d = Σ_{i∈d} v_i · x′_i。各步骤的可选方法如下。",
                "A dimension score is the weighted mean of its indicators' normalised values: s_d = Σ_{i∈d} v_i · x′_i. The alternatives at each step:",
            ) }</p>
            { group(lang, ("异常值处理（标准化之前）", "Outlier treatment (before normalisation)"), TREATMENT) }
            { group(lang, ("标准化", "Normalisation"), NORMALISATION) }
            { group(lang, ("赋权方法", "Weighting"), WEIGHTING) }
            { group(lang, ("合成方法", "Aggregation"), AGGREGATION) }
        </div>
    }
}
