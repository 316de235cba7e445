//! The account holder's actions on "Me": change the password, sign out on every device, and
//! delete the account with its answers (after saying plainly what that means and a
//! confirmation). Shown only to a signed-in learner, teacher or parent.

use leptos::prelude::*;

use crate::account::{change_password, delete_account, sign_out_everywhere};
use crate::sync_driver::use_sync;
use crate::t;

#[component]
pub fn AccountActions() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let current = RwSignal::new(String::new());
    let new_password = RwSignal::new(String::new());
    let delete_password = RwSignal::new(String::new());
    let understood = RwSignal::new(false);
    let busy = RwSignal::new(false);
    // The outcome of the last action: (is it a problem, words for the user).
    let outcome = RwSignal::new(None::<(bool, String)>);

    let change = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        let (old, new) = (current.get_untracked(), new_password.get_untracked());
        leptos::task::spawn_local(async move {
            match change_password(sync, &old, &new).await {
                Ok(()) => {
                    current.set(String::new());
                    new_password.set(String::new());
                    outcome.set(Some((false, t!("account-password-changed"))));
                }
                Err(error) => outcome.set(Some((true, error.message()))),
            }
            busy.set(false);
        });
    };
    let everywhere = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            match sign_out_everywhere(sync).await {
                Ok(()) => outcome.set(Some((false, t!("account-signed-out-everywhere")))),
                Err(error) => outcome.set(Some((true, error.message()))),
            }
            busy.set(false);
        });
    };
    let delete = move |_| {
        if busy.get_untracked() || !understood.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        let password = delete_password.get_untracked();
        leptos::task::spawn_local(async move {
            match delete_account(sync, &password).await {
                Ok(()) => {
                    delete_password.set(String::new());
                    understood.set(false);
                    outcome.set(Some((false, t!("account-deleted"))));
                }
                Err(error) => outcome.set(Some((true, error.message()))),
            }
            busy.set(false);
        });
    };

    view! {
        <p
            class="account-action-result"
            role="status"
            data-testid="account-action-result"
            data-problem=move || outcome.get().is_some_and(|(problem, _)| problem).then_some("true")
        >
            {move || outcome.get().map(|(_, text)| text).unwrap_or_default()}
        </p>
        <Show when=move || sync.account.get().is_some()>
            <section class="account-actions" data-testid="account-actions">
                <h2>{t!("account-actions-heading")}</h2>
                <form
                    data-testid="change-password-form"
                    on:submit=move |event| {
                        event.prevent_default();
                        change(());
                    }
                >
                    <h3>{t!("account-change-password-heading")}</h3>
                    <label>
                        {t!("account-current-password")}
                        <input
                            data-testid="current-password"
                            type="password"
                            autocomplete="current-password"
                            required
                            prop:value=move || current.get()
                            on:input=move |event| current.set(event_target_value(&event))
                        />
                    </label>
                    <label>
                        {t!("account-new-password")}
                        <input
                            data-testid="new-password"
                            type="password"
                            autocomplete="new-password"
                            required
                            minlength="8"
                            prop:value=move || new_password.get()
                            on:input=move |event| new_password.set(event_target_value(&event))
                        />
                    </label>
                    <button type="submit" data-testid="change-password" disabled=move || busy.get()>
                        {t!("account-change-password")}
                    </button>
                </form>
                <p>
                    <button
                        type="button"
                        data-testid="sign-out-everywhere"
                        disabled=move || busy.get()
                        on:click=everywhere
                    >
                        {t!("account-sign-out-everywhere")}
                    </button>
                </p>
                <form
                    data-testid="delete-account-form"
                    on:submit=move |event| {
                        event.prevent_default();
                        delete(());
                    }
                >
                    <h3>{t!("account-delete-heading")}</h3>
                    <p data-testid="delete-account-explained">{t!("account-delete-explained")}</p>
                    <label>
                        {t!("account-current-password")}
                        <input
                            data-testid="delete-password"
                            type="password"
                            autocomplete="current-password"
                            required
                            prop:value=move || delete_password.get()
                            on:input=move |event| delete_password.set(event_target_value(&event))
                        />
                    </label>
                    <label>
                        <input
                            data-testid="delete-confirm"
                            type="checkbox"
                            prop:checked=move || understood.get()
                            on:change=move |event| understood.set(event_target_checked(&event))
                        />
                        {t!("account-delete-confirm-label")}
                    </label>
                    <button
                        type="submit"
                        data-testid="delete-account"
                        disabled=move || busy.get() || !understood.get()
                    >
                        {t!("account-delete")}
                    </button>
                </form>
            </section>
        </Show>
    }
    .into_any()
}
