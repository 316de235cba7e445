//! What an unknown address shows: a way back, never a blank page.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="not-found">
            <h1>"This page does not exist"</h1>
            <p><A href="/">"Back to your courses"</A></p>
        </section>
    }
}
