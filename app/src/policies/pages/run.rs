//! `/agent/renewals/run/{id}`: a run of "remind all" as it goes. The region
//! refreshes itself while the run is running (`LiveRegion`), so the bar and the
//! counts follow the run's row; without JavaScript a reload shows the same. The
//! queue itself stays a page without WASM: only this page carries the island.

use crate::i18n::fill;
use crate::policies::api::load_reminder_run;
use crate::policies::text::{bucket_label, t, T};
use crate::policies::types::{ReminderRun, RunStatus};
use crate::ui::feedback::{failure, Loading};
use crate::ui::live::LiveRegion;
use crate::ui::progress::ProgressBar;
use leptos::prelude::*;
use leptos_meta::Title;

const REGION: &str = "reminder-run-region";

#[component]
pub fn ReminderRunPage() -> impl IntoView {
    let run = crate::ui::route::record("Reminder run", load_reminder_run);
    view! {
        <Title text=t(T::RunTitle)/>
        <h1 class="text-3xl font-bold">{t(T::RunTitle)}</h1>
        <Suspense fallback=|| view! { <Loading height="h-32"/> }>
            {move || run.get().map(|r| match r {
                Ok(run) if run.is_running() => view! {
                    <LiveRegion id=REGION.to_owned() every_secs=1><RunView run/></LiveRegion>
                }.into_any(),
                Ok(run) => view! { <div id=REGION><RunView run/></div> }.into_any(),
                Err(e) => failure(e, "/agent/renewals"),
            })}
        </Suspense>
        <a class="link tap mt-4 inline-block" href="/agent/renewals">{t(T::BackToQueue)}</a>
    }
}

#[component]
fn RunView(run: ReminderRun) -> impl IntoView {
    let of = fill(
        t(T::RunOf),
        &[
            (
                "bucket",
                &bucket_label(run.bucket) as &dyn std::fmt::Display,
            ),
            ("total", &run.total),
        ],
    );
    let counts = fill(
        t(T::SentSkipped),
        &[
            ("sent", &run.sent as &dyn std::fmt::Display),
            ("skipped", &run.skipped),
        ],
    );
    let state = match run.status {
        RunStatus::Running => t(T::Sending),
        RunStatus::Done => t(T::RunDone),
        RunStatus::Failed => "",
    };
    view! {
        <div class="card mt-4" data-testid="reminder-run" data-status=run.status.as_str()>
            <p class="text-muted">{of}</p>
            <p class="mt-1 font-semibold" role="status">{state}</p>
            <ProgressBar percent=run.percent() label=t(T::RunProgress)/>
            <p class="mt-2 text-sm text-muted" data-testid="run-counts">{counts}</p>
            {run.failure.clone().map(|f| view! { <p class="mt-2 text-danger" role="alert">{f}</p> })}
        </div>
    }
}
