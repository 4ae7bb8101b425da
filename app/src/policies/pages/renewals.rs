//! `/agent/renewals`: the queue that keeps an agent's book alive. Tabs by bucket
//! with their counts; per row the customer, policy, amount due, days left or
//! overdue and the last reminder; one tap for an SMS (through the outbox) or a
//! WhatsApp chat with the text filled in; "remind all in grace" after a
//! confirmation.

use crate::i18n::fill;
use crate::policies::api::*;
use crate::policies::text::{bucket_label, t, T};
use crate::policies::types::Bucket;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, FormAlert};
use crate::ui::table::{link, query_param};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RenewalsPage() -> impl IntoView {
    let queue = Resource::new(move || query_param("bucket"), load_renewals);
    let remind = ServerAction::<SendReminder>::new();
    let all = ServerAction::<RemindAll>::new();
    let errors = Signal::derive(move || {
        action_error(remind)
            .get()
            .or_else(|| action_error(all).get())
    });
    view! {
        <Title text=t(T::Renewals)/>
        <h1 class="text-3xl font-bold">{t(T::Renewals)}</h1>
        <p class="text-muted mt-1">{t(T::RenewalsIntro)}</p>
        <div class="mt-4"><FormAlert error=errors/></div>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || queue.get().map(|r| match r {
                Ok(page) => view! { <Queue page remind all/> }.into_any(),
                Err(e) => failure(e, "/agent/renewals"),
            })}
        </Suspense>
    }
}

#[component]
fn Queue(
    page: RenewalsPage,
    remind: ServerAction<SendReminder>,
    all: ServerAction<RemindAll>,
) -> impl IntoView {
    let current = query_param("bucket");
    let back = link("/agent/renewals", &[("bucket", current.clone())]);
    let c = page.counts;
    let tabs = [
        (
            None,
            t(T::AllBuckets),
            c.due_soon + c.in_grace + c.revivable + c.lapsed,
        ),
        (
            Some(Bucket::DueSoon),
            bucket_label(Bucket::DueSoon),
            c.due_soon,
        ),
        (
            Some(Bucket::InGrace),
            bucket_label(Bucket::InGrace),
            c.in_grace,
        ),
        (
            Some(Bucket::Revivable),
            bucket_label(Bucket::Revivable),
            c.revivable,
        ),
        (Some(Bucket::Lapsed), bucket_label(Bucket::Lapsed), c.lapsed),
    ];
    view! {
        <nav class="mt-4 flex flex-wrap gap-2" aria-label=t(T::Renewals) data-testid="bucket-tabs">
            {tabs.into_iter().map(|(b, label, n)| {
                let on = current.as_deref() == b.map(Bucket::as_str);
                view! {
                    <a class="btn btn-secondary" aria-current=on.then_some("page")
                        href=link("/agent/renewals", &[("bucket", b.map(|b| b.as_str().to_owned()))])>
                        {label} " " <span class="ms-1" data-testid=format!("count-{}", b.map_or("all", Bucket::as_str))>{n}</span>
                    </a>
                }
            }).collect_view()}
        </nav>
        {(c.in_grace > 0).then(|| view! {
            <details class="confirm mt-4" data-testid="remind-all">
                <summary class="btn btn-secondary">{t(T::RemindAll)}</summary>
                <div class="mt-2 card">
                    <p>{fill(t(T::RemindAllConfirm), &[("n", &c.in_grace as &dyn std::fmt::Display)])}</p>
                    <ActionForm action=all attr:class="mt-2 flex flex-wrap gap-2 items-center">
                        <input type="hidden" name="bucket" value="in_grace"/>
                        <button type="submit" class="btn btn-primary">{t(T::RemindAllYes)}</button>
                    </ActionForm>
                </div>
            </details>
        })}
        {if page.rows.is_empty() {
            view! { <p class="card mt-4 text-muted" data-testid="queue-empty">{t(T::NoRenewals)}</p> }.into_any()
        } else {
            view! {
                <ul class="mt-4 grid gap-3" data-testid="renewal-rows">
                    {page.rows.into_iter().map(|l| view! { <Row l back=back.clone() remind/> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Row(l: RenewalLine, back: String, remind: ServerAction<SendReminder>) -> impl IntoView {
    let r = l.row.clone();
    let id = r.policy_id.to_string();
    let bucket = l.bucket.map(Bucket::as_str).unwrap_or("paid");
    let last = l.last_reminder.clone().map(|at| {
        let channel = match r.last_reminder_channel {
            Some(crate::policies::types::Channel::Whatsapp) => "WhatsApp",
            _ => "SMS",
        };
        format!("{channel} · {at}")
    });
    let button = move |channel: &'static str, label: T, class: &'static str| {
        let (id, back) = (id.clone(), back.clone());
        view! {
            <ActionForm action=remind>
                <input type="hidden" name="policy_id" value=id/>
                <input type="hidden" name="channel" value=channel/>
                <input type="hidden" name="back" value=back/>
                <button type="submit" class=class data-testid=format!("remind-{channel}")>{t(label)}</button>
            </ActionForm>
        }
    };
    view! {
        <li class="card" data-testid="renewal-row" data-policy=r.policy_number.clone()>
            <div class="flex flex-wrap items-start justify-between gap-2">
                <div class="min-w-0">
                    <p class="font-semibold break-words">{r.customer_name.clone()}</p>
                    <p class="text-sm text-muted break-words">
                        <a class="link" href=format!("/policies/{}", r.policy_id)>{r.policy_number.clone()}</a> " · " {r.plan_name.clone()}
                    </p>
                </div>
                <span class=format!("badge badge-bucket-{bucket}")>{l.bucket.map(bucket_label).unwrap_or_default()}</span>
            </div>
            <p class="mt-2"><span class="font-semibold">{r.amount_due().label()}</span> " · " <span data-testid="standing">{l.standing.clone()}</span></p>
            <p class="text-sm text-muted" data-testid="last-reminder">
                {t(T::LastReminder)} ": " {last.unwrap_or_else(|| t(T::NeverReminded).to_owned())}
            </p>
            <div class="mt-3 flex flex-wrap gap-2">
                {if l.may_remind {
                    view! {
                        {button("sms", T::RemindSms, "btn btn-primary")}
                        {button("whatsapp", T::RemindWhatsapp, "btn btn-secondary")}
                    }.into_any()
                } else {
                    view! { <span class="badge badge-bucket-paid">{t(T::RemindedToday)}</span> }.into_any()
                }}
                {r.phone_number.clone().map(|phone| view! { <a class="btn btn-secondary" href=format!("tel:{phone}")>{crate::i18n::t(crate::i18n::Msg::CallAgent)}</a> })}
            </div>
        </li>
    }
}
