//! The browser user interface (Yew); the only module that touches web APIs.

pub mod chart_canvas;
pub mod charts_panel;

use yew::prelude::*;

#[component]
fn App() -> Html {
    html! { <main><h1>{ "福建省县域重点产业链发展指数" }</h1></main> }
}

/// Mounts the application on the document body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
