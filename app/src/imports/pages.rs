//! `/agent/import` (the upload, the template, recent imports) and
//! `/agent/import/{id}` (a job: a real progress bar that follows the job's row in
//! Postgres, so it survives a reload; the rows with problems; write, resume or
//! roll back). The progress region refreshes itself (`LiveRegion`, a few hundred
//! bytes of WASM) until the job settles; without JavaScript a reload shows the same.

use crate::i18n::fill;
use crate::imports::api::*;
use crate::imports::server_paths::UPLOAD_FORM;
use crate::imports::text::{t, T};
use crate::imports::types::{Job, JobStatus};
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, FormAlert};
use leptos::prelude::*;
use leptos_meta::Title;

fn status_text(s: JobStatus) -> &'static str {
    t(match s {
        JobStatus::Checking => T::Checking,
        JobStatus::Ready => T::Ready,
        JobStatus::Importing => T::Importing,
        JobStatus::Done => T::Done,
        JobStatus::Failed => T::Failed,
        JobStatus::RolledBack => T::RolledBack,
    })
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let jobs = Resource::new(|| (), |_| load_imports());
    let error = crate::flash::error_at(UPLOAD_FORM);
    view! {
        <Title text=t(T::Import)/>
        <h1 class="text-3xl font-bold">{t(T::Import)}</h1>
        <p class="text-muted mt-1 max-w-2xl">{t(T::ImportIntro)}</p>
        <a class="link tap" href="/api/v1/imports/template.csv" rel="external" download="">{t(T::Template)}</a>
        <form class="card mt-4 grid gap-4 max-w-xl" method="post" action=UPLOAD_FORM enctype="multipart/form-data" data-testid="import-form">
            <FormAlert error=Signal::derive(move || error.clone())/>
            <div class="flex flex-col gap-1">
                <label for="file" class="font-medium">{t(T::File)}</label>
                <input id="file" name="file" type="file" accept=".csv,text/csv" class="input max-w-full" required/>
            </div>
            <button type="submit" class="btn btn-primary justify-self-start">{t(T::Upload)}</button>
        </form>
        <section class="card mt-4" aria-labelledby="recent">
            <h2 id="recent" class="text-xl font-semibold">{t(T::Recent)}</h2>
            <Suspense fallback=|| view! { <Loading height="h-24"/> }>
                {move || jobs.get().map(|r| match r {
                    Ok(jobs) if jobs.is_empty() => view! { <p class="mt-2 text-muted">{t(T::NoJobs)}</p> }.into_any(),
                    Ok(jobs) => view! {
                        <ul class="mt-2 divide-y divide-line">
                            {jobs.into_iter().map(|j| view! {
                                <li class="py-2 flex flex-wrap justify-between gap-2">
                                    <a class="link tap break-all" href=format!("/agent/import/{}", j.job_id)>{j.file_name.clone()}</a>
                                    <span class="text-sm text-muted">{status_text(j.status)} " · " {crate::agents::pages::day(j.created_at)}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => failure(e, "/agent/import"),
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ImportJobPage() -> impl IntoView {
    let page = crate::ui::route::record("Import", load_import);
    let run = ServerAction::<RunImport>::new();
    let undo = ServerAction::<RollBackImport>::new();
    let errors =
        Signal::derive(move || action_error(run).get().or_else(|| action_error(undo).get()));
    view! {
        <Title text=t(T::Import)/>
        <h1 class="text-3xl font-bold">{t(T::Import)}</h1>
        <div class="mt-4"><FormAlert error=errors/></div>
        <Suspense fallback=|| view! { <Loading height="h-64"/> }>
            {move || page.get().map(|r| match r {
                Ok(p) => view! { <JobView p run undo/> }.into_any(),
                Err(e) => failure(e, "/agent/import"),
            })}
        </Suspense>
    }
}

/// The whole job, inside one region: while the job moves, the region refreshes
/// itself, so the bar, the counts and the buttons all follow it.
#[component]
fn JobView(
    p: ImportPage,
    run: ServerAction<RunImport>,
    undo: ServerAction<RollBackImport>,
) -> impl IntoView {
    let moving = matches!(p.job.status, JobStatus::Checking | JobStatus::Importing);
    let body = view! { <JobBody p run undo/> };
    if moving {
        view! { <crate::ui::live::LiveRegion id="import-job-region".to_owned() every_secs=2>{body}</crate::ui::live::LiveRegion> }.into_any()
    } else {
        view! { <div id="import-job-region">{body}</div> }.into_any()
    }
}

#[component]
fn JobBody(
    p: ImportPage,
    run: ServerAction<RunImport>,
    undo: ServerAction<RollBackImport>,
) -> impl IntoView {
    let job = p.job.clone();
    let id = job.job_id.to_string();
    let moving = matches!(job.status, JobStatus::Checking | JobStatus::Importing);
    view! {
        <p class="text-muted break-all">{job.file_name.clone()}</p>
        <Progress job=job.clone()/>
        <div class="mt-4 flex flex-wrap gap-3">
            {matches!(job.status, JobStatus::Ready | JobStatus::Failed | JobStatus::RolledBack).then(|| {
                let label = if job.status == JobStatus::Failed { T::Resume } else { T::Run };
                let id = id.clone();
                view! {
                    <ActionForm action=run>
                        <input type="hidden" name="job_id" value=id/>
                        <button type="submit" class="btn btn-primary" data-testid="run-import" disabled={job.valid_rows == 0}>{t(label)}</button>
                    </ActionForm>
                }
            })}
            {(job.imported_rows > 0 && !moving).then(|| { let id = id.clone(); view! {
                <details class="confirm">
                    <summary class="btn btn-secondary">{t(T::RollBack)}</summary>
                    <div class="mt-2 card"><p>{t(T::RollBackConfirm)}</p>
                        <ActionForm action=undo attr:class="mt-2">
                            <input type="hidden" name="job_id" value=id/>
                            <button type="submit" class="btn btn-danger">{t(T::RollBack)}</button>
                        </ActionForm>
                    </div>
                </details>
            }})}
        </div>
        {(!p.errors.is_empty()).then(|| view! {
            <section class="card mt-4" aria-labelledby="problems" data-testid="import-errors">
                <div class="flex flex-wrap items-center justify-between gap-2">
                    <h2 id="problems" class="text-xl font-semibold">{t(T::Problems)}</h2>
                    <a class="link tap" href=format!("/api/v1/imports/{}/errors.csv", job.job_id) rel="external" download="">{t(T::DownloadErrors)}</a>
                </div>
                <div class="mt-2 overflow-x-auto">
                    <table class="w-full text-left">
                        <thead class="text-sm text-muted"><tr>
                            <th scope="col" class="p-2">{t(T::Row)}</th>
                            <th scope="col" class="p-2">{t(T::Column)}</th>
                            <th scope="col" class="p-2">{t(T::Problem)}</th>
                        </tr></thead>
                        <tbody>
                            {p.errors.iter().map(|e| view! {
                                <tr class="border-t border-line">
                                    <td class="p-2">{e.row}</td>
                                    <td class="p-2">{e.field.clone()}</td>
                                    <td class="p-2">{e.message.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
    }
}

#[component]
fn Progress(job: Job) -> impl IntoView {
    let pct = job.percent();
    let counts = fill(
        t(T::Counts),
        &[
            ("total", &job.total_rows as &dyn std::fmt::Display),
            ("valid", &job.valid_rows),
            ("bad", &job.error_count),
            ("done", &job.imported_rows),
        ],
    );
    view! {
        <div class="card mt-4" data-testid="import-job" data-status=job.status.as_str()>
            <p class="font-semibold" data-testid="import-status">{status_text(job.status)}</p>
            <crate::ui::progress::ProgressBar percent=pct label=t(T::Progress)/>
            <p class="mt-2 text-sm text-muted" data-testid="import-counts">{counts}</p>
            {job.failure.clone().map(|f| view! { <p class="mt-2 text-danger" role="alert">{f}</p> })}
        </div>
    }
}
