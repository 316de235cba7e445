//! What an unknown address shows: a way back, never a blank page.

use leptos::prelude::*;

use crate::shell::AppLink;
use crate::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="not-found">
            <h1>{t!("notfound-title")}</h1>
            <p><AppLink href="/">{t!("notfound-back")}</AppLink></p>
        </section>
    }
}
