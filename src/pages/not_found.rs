//! What an unknown address shows: a way back, never a blank page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::t;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="not-found">
            <h1>{t!("notfound-title")}</h1>
            <p><A href="/">{t!("notfound-back")}</A></p>
        </section>
    }
}
