//! The certificates a site issued, on its page for its admins (issue 21): newest first, each
//! withdrawn with one button when it was issued by mistake (checking it then says so, and its
//! learner may ask again). Online only, like the rest of the site's page. Its words are later
//! messages (`teach-site-`).

use baeum_core::records::wire::SiteCertificate;
use baeum_core::site::CourseChoice;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::window;
use crate::sync_driver::use_sync;
use crate::t;

use super::device_cache::signed_in;
use super::local_time::local_time_text;
use super::TeachingProblem;

#[component]
pub fn SiteCertificates(catalog: Vec<CourseChoice>) -> impl IntoView {
    let sync = use_sync();
    let listed = RwSignal::new(None::<Vec<SiteCertificate>>);
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.site_certificates().await,
                Err(error) => Err(error),
            };
            match result {
                Ok(found) => listed.set(Some(found)),
                Err(error) => problem.set(Some(t!("teach-site-failed", error = error.message()))),
            }
        });
    };
    load();
    let title_of = move |course: &str| {
        catalog
            .iter()
            .find(|choice| choice.id == course)
            .map_or_else(|| course.to_owned(), super::site_page::course_title)
    };
    let revoke = move |certificate: SiteCertificate, course: String| {
        let question = t!(
            "teach-site-certificate-revoke-confirm",
            name = certificate.learner_name.clone(),
            course = course
        );
        let confirmed = window()
            .and_then(|window| window.confirm_with_message(&question).ok())
            .unwrap_or(false);
        if !confirmed || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.revoke_certificate(certificate.id).await,
                Err(error) => Err(error),
            };
            if let Err(error) = result {
                problem.set(Some(t!("teach-site-failed", error = error.message())));
            }
            busy.set(false);
            load();
        });
    };
    view! {
        <section aria-labelledby="site-certificates-title" data-testid="site-certificates">
            <h2 id="site-certificates-title">{t!("teach-site-certificates-title")}</h2>
            <p>{t!("teach-site-certificates-hint")}</p>
            {move || match listed.get() {
                None => ().into_any(),
                Some(list) if list.is_empty() => {
                    view! { <p>{t!("teach-site-certificates-none")}</p> }.into_any()
                }
                Some(list) => {
                    let title_of = title_of.clone();
                    view! {
                        <table class="report">
                            <thead>
                                <tr>
                                    <th scope="col">{t!("teach-site-certificate-course")}</th>
                                    <th scope="col">{t!("teach-site-certificate-name")}</th>
                                    <th scope="col">{t!("teach-site-certificate-issued")}</th>
                                    <th scope="col">{t!("teach-site-certificate-state")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list
                                    .into_iter()
                                    .map(|certificate| {
                                        let course = title_of(&certificate.course);
                                        let state = match certificate.revoked.as_deref() {
                                            Some(revoked) => {
                                                view! {
                                                    {t!(
                                                        "teach-site-certificate-revoked",
                                                        time = local_time_text(revoked)
                                                    )}
                                                }
                                                    .into_any()
                                            }
                                            None => {
                                                let chosen = certificate.clone();
                                                let course = course.clone();
                                                view! {
                                                    <button
                                                        type="button"
                                                        class="secondary"
                                                        data-testid="revoke-certificate"
                                                        disabled=move || busy.get()
                                                        on:click=move |_| {
                                                            revoke(chosen.clone(), course.clone())
                                                        }
                                                    >
                                                        {t!("teach-site-certificate-revoke")}
                                                    </button>
                                                }
                                                    .into_any()
                                            }
                                        };
                                        view! {
                                            <tr data-testid="site-certificate">
                                                <td>{course}</td>
                                                <td>{certificate.learner_name.clone()}</td>
                                                <td>{local_time_text(&certificate.issued)}</td>
                                                <td>{state}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
            <TeachingProblem problem=problem test_id="site-certificates-problem"/>
        </section>
    }
}
