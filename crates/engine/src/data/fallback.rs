//! The static ranking for browsers that cannot run the calculator (no JavaScript or no WebAssembly):
//! an HTML section with the default ranking, written into the built page by `src/bin/finish-page.rs`.

use super::seeds::Bundle;
use crate::model::Scenario;
use crate::score::{score, ScoreError};
use std::fmt::Write;

/// The element of `index.html` that the section replaces.
pub const PLACEHOLDER: &str = r#"<div id="static-ranking"></div>"#;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The section: why the calculator is not running, the data notice, and the default ranking table.
pub fn section(bundle: &Bundle) -> Result<String, ScoreError> {
    let system = &bundle.system;
    let data = &bundle.data;
    let mut scenario = Scenario::default_for(system);
    scenario.dimension_weights = vec![1.0; system.n_dimensions()];
    let r = score(system, data, &scenario)?;
    let mut h = String::new();
    h.push_str("<section id=\"static-ranking\" class=\"static-ranking\" aria-labelledby=\"static-ranking-h\">\n");
    h.push_str("<h2 id=\"static-ranking-h\">福建省县域重点产业链发展指数：默认方案排名 <span lang=\"en\">(default ranking)</span></h2>\n");
    h.push_str("<p class=\"static-why\">交互式计算器需要 JavaScript 和 WebAssembly，当前浏览器不支持或已将其关闭，因此这里显示构建页面时计算好的默认排名（极差标准化，维度与指标等权，算术平均），不能调整权重。请使用较新版本的 Chrome、Edge、Firefox 或 Safari 打开本页以使用计算器。</p>\n");
    h.push_str("<p class=\"static-why\" lang=\"en\">The interactive calculator needs JavaScript and WebAssembly, which this browser lacks or has turned off. Shown instead is the default ranking (min-max normalisation, equal weights, arithmetic mean) computed when the page was built; weights cannot be changed here. Open the page in a recent Chrome, Edge, Firefox or Safari to use the calculator.</p>\n");
    if bundle
        .provenance
        .records()
        .iter()
        .any(|rec| rec.status.is_estimate())
    {
        h.push_str("<p class=\"static-notice\"><strong>数据说明：</strong>白皮书只公布了综合得分前十名和各维度前十名单；标注 * 的县域含本项目校准的估算值，并非官方统计。<span lang=\"en\">Counties marked * include this project's calibrated estimates, not official statistics.</span></p>\n");
    }
    let _ = write!(h, "<p>数据集 Data set: {}</p>\n<table>\n<thead><tr><th scope=\"col\">排名</th><th scope=\"col\">县（市、区）</th><th scope=\"col\">设区市</th><th scope=\"col\">综合得分</th>", escape(&data.meta.name));
    for d in &system.dimensions {
        let _ = write!(h, "<th scope=\"col\">{}</th>", escape(&d.name_zh));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for &u in r.order.iter().filter(|&&u| r.rank[u] > 0) {
        let unit = &data.units[u];
        let mark = if bundle.provenance.unit_has_estimates(&unit.adcode) {
            " *"
        } else {
            ""
        };
        let _ = write!(
            h,
            "<tr data-adcode=\"{}\"><td>{}</td><th scope=\"row\">{}{mark}</th><td>{}</td><td>{:.2}</td>",
            escape(&unit.adcode),
            r.rank[u],
            escape(&unit.name_zh),
            escape(&unit.prefecture_zh),
            r.composite[u]
        );
        for d in 0..system.n_dimensions() {
            let _ = write!(h, "<td>{:.2}</td>", r.dimension_score(u, d));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>");
    Ok(h)
}

/// Puts the section in place of the placeholder; `None` when the page has no placeholder.
pub fn insert(page: &str, section: &str) -> Option<String> {
    page.contains(PLACEHOLDER)
        .then(|| page.replacen(PLACEHOLDER, section, 1))
}
