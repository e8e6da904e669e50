//! The prefecture summary: per 设区市, its county count, mean composite score and counties in the top 10 and 20.

use super::Ptr;
use crate::i18n::{prefecture_name, t, Key};
use crate::model::{Dataset, Lang};
use crate::score::Ranking;
use crate::state::prefecture_summary;
use yew::prelude::*;

/// What the summary is made from: the data set's counties and their ranking.
#[derive(Properties, PartialEq, Clone)]
pub struct PrefecturePanelProps {
    pub lang: Lang,
    pub data: Ptr<Dataset>,
    pub ranking: Ptr<Ranking>,
}

#[component]
pub fn PrefecturePanel(props: &PrefecturePanelProps) -> Html {
    let lang = props.lang;
    let rows = prefecture_summary(&props.data, &props.ranking);
    html! {
        <section class="panel prefectures" aria-labelledby="pref-h">
            <h2 id="pref-h">{ t(lang, Key::PrefecturesHeading) }</h2>
            <div class="table-scroll" role="region" aria-labelledby="pref-h" tabindex="0">
                <table class="pref-table">
                    <thead><tr>
                        <th scope="col">{ t(lang, Key::ColPrefecture) }</th>
                        <th scope="col" class="num">{ t(lang, Key::ColCounties) }</th>
                        <th scope="col" class="num">{ t(lang, Key::ColMeanScore) }</th>
                        <th scope="col" class="num">{ t(lang, Key::ColInTop10) }</th>
                        <th scope="col" class="num">{ t(lang, Key::ColInTop20) }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr key={r.prefecture.clone()}>
                                <th scope="row" class="place" translate="no">{ prefecture_name(lang, &r.prefecture) }</th>
                                <td class="num" translate="no">{ r.counties }</td>
                                <td class="num" translate="no">{ if r.mean.is_nan() { "—".into() } else { format!("{:.2}", r.mean) } }</td>
                                <td class="num" translate="no">{ r.in_top10 }</td>
                                <td class="num" translate="no">{ r.in_top20 }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
