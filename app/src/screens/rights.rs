//! Rights: categories of articles.

use leptos::prelude::*;

use super::ScreenIntro;
use crate::content::Content;
use crate::i18n::{Key, use_i18n};

/// The Rights screen: every category with its articles.
#[component]
pub fn Rights() -> impl IntoView {
    let i18n = use_i18n();
    let content = expect_context::<Content>();
    let categories = move || {
        let pack = content.pack.get()?;
        let mut categories = pack.categories.clone();
        categories.sort_by_key(|c| c.order);
        Some(
            categories
                .into_iter()
                .map(|category| {
                    let articles = pack
                        .articles
                        .iter()
                        .filter(|a| a.category == category.id)
                        .map(|article| {
                            view! {
                                <li data-id=article.id.clone()>
                                    <a href=format!("/rights/{}", article.id)>
                                        <strong>{article.title.clone()}</strong>
                                        <span class="summary">{article.summary.clone()}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h2>{category.title.clone()}</h2>
                        <ul class="articles">{articles}</ul>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="screen" data-screen="rights">
            <ScreenIntro title=Key::NavRights intro=Key::RightsIntro />
            <div id="articles">
                {move || match categories() {
                    Some(list) => list.into_any(),
                    None => view! { <p>{i18n.t(Key::RightsEmpty)}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}
