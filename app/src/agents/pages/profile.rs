//! `/agent/profile`: the agent's own profile. Business details, the profile photo,
//! and verification: the badge (with the approver's reason after a rejection), the
//! documents, and "Submit for verification" while the state machine allows it.
//! Uploads are plain multipart forms that come back here (no JavaScript needed).

use super::detail::Documents;
use super::StateBadges;
use crate::agents::api::*;
use crate::agents::server_paths::{DOCUMENT_FORM, PHOTO_FORM};
use crate::agents::text::{t, T};
use crate::agents::types::*;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FieldError, FormAlert, SavedNotice, TextField};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AgentProfilePage() -> impl IntoView {
    let page = Resource::new(|| (), |_| load_my_agent_profile());
    view! {
        <Title text=t(T::MyProfile)/>
        <h1 class="text-3xl font-bold">{t(T::MyProfile)}</h1>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(page) => view! { <Profile page/> }.into_any(),
                Err(e) => failure(e, "/agent/profile"),
            })}
        </Suspense>
    }
}

/// What the agent's state means for them, in one sentence.
#[component]
fn StateNote(p: AgentProfile) -> impl IntoView {
    let (class, text) = match p.verification_status {
        Verification::Verified => ("border-ok", t(T::VerifiedNote)),
        Verification::Submitted => ("border-accent", t(T::WaitingReview)),
        Verification::Rejected => ("border-danger", t(T::RejectedNote)),
        Verification::Pending => ("border-accent", t(T::NotSubmittedNote)),
    };
    view! {
        <div class=format!("mt-3 rounded-btn border-2 px-4 py-3 {class}") role="status" data-testid="verification-note">
            <p>{text}</p>
            {p.rejection_reason.clone().filter(|_| p.verification_status == Verification::Rejected).map(|r| view! {
                <p class="mt-1 font-semibold" data-testid="rejection-reason">{r}</p>
            })}
        </div>
    }
}

#[component]
fn Profile(page: MyAgentPage) -> impl IntoView {
    let p = page.profile.clone();
    let save = ServerAction::<SaveMyAgentProfile>::new();
    let save_error = action_error(save);
    let verify = ServerAction::<SubmitVerification>::new();
    let verify_error = action_error(verify);
    let upload_error = Signal::derive(|| crate::flash::error_at(DOCUMENT_FORM));
    let photo_error = Signal::derive(|| crate::flash::error_at(PHOTO_FORM));
    let may_submit = p.state().next(Step::Submit).is_ok();
    let u = p.user_profile.clone();
    view! {
        <div class="mt-2 flex flex-wrap items-center gap-3">
            <span class="text-lg font-semibold">{p.name()} " · " {p.agent_code.clone()}</span>
            <StateBadges status=p.status verification=p.verification_status/>
        </div>
        <StateNote p=p.clone()/>

        <section class="card mt-4" aria-labelledby="verify-heading" data-testid="verification">
            <h2 id="verify-heading" class="text-xl font-semibold">{t(T::Verification)}</h2>
            <p class="mt-1 text-muted">{t(T::VerifyIntro)}</p>
            <div class="mt-3"><Documents docs=page.documents.clone()/></div>
            <form method="post" action=DOCUMENT_FORM enctype="multipart/form-data" class="mt-3 flex flex-wrap items-end gap-3" data-testid="document-form">
                <div class="flex max-w-full flex-col gap-1">
                    <label for="document-file" class="font-medium">{t(T::ChooseFile)}</label>
                    <input id="document-file" name="file" type="file" class="input" accept="application/pdf,image/jpeg,image/png"
                        aria-describedby="file-error"/>
                </div>
                <button type="submit" class="btn btn-secondary">{t(T::UploadDocument)}</button>
                <div class="w-full"><FormAlert error=upload_error/><FieldError id="file-error" name="file" error=upload_error/></div>
                <div class="w-full"><SavedNotice saved=Signal::derive(|| crate::flash::saved_at(DOCUMENT_FORM)) message=t(T::Uploaded)/></div>
            </form>
            {may_submit.then(|| view! {
                <ActionForm action=verify attr:class="mt-4 grid gap-4 sm:grid-cols-3" attr:novalidate="true" attr:data-testid="verification-form">
                    <div class="sm:col-span-3"><FormAlert error=verify_error/><FieldError id="documents-error" name="documents" error=verify_error/></div>
                    <TextField name="license_number" label=t(T::Licence) error=verify_error value=p.license_number.clone().unwrap_or_default() required=true/>
                    <TextField name="license_expiry_date" label=t(T::LicenceExpiry) error=verify_error input_type="date"
                        value=p.license_expiry_date.map(|d| d.to_string()).unwrap_or_default() required=true/>
                    <TextField name="license_issuing_authority" label=t(T::Authority) error=verify_error
                        value=p.license_issuing_authority.clone().unwrap_or_else(|| "IRDAI".into()) required=true/>
                    <button type="submit" class="btn btn-primary self-start">{t(T::SubmitVerification)}</button>
                </ActionForm>
            })}
            <SavedNotice saved=action_saved(verify) message=t(T::Submitted)/>
        </section>

        <section class="card mt-4" aria-labelledby="business-heading">
            <h2 id="business-heading" class="text-xl font-semibold">{t(T::BusinessDetails)}</h2>
            <ActionForm action=save attr:class="mt-3 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                <div class="sm:col-span-2"><FormAlert error=save_error/><SavedNotice saved=action_saved(save) message=t(T::Saved)/></div>
                <TextField name="business_name" label=t(T::BusinessName) error=save_error value=p.business_name.clone().unwrap_or_default()/>
                <TextField name="territory" label=t(T::Territory) error=save_error value=p.territory.clone().unwrap_or_default()/>
                <TextField name="experience_years" label=t(T::Experience) error=save_error input_type="number" value=p.experience_years.map(|y| y.to_string()).unwrap_or_default()/>
                <TextField name="specializations" label=t(T::Specializations) error=save_error value=p.specializations.join(", ")/>
                <TextField name="whatsapp_business_number" label=t(T::WhatsApp) error=save_error input_type="tel" value=p.whatsapp_business_number.clone().unwrap_or_default()/>
                <TextField name="business_email" label=t(T::BusinessEmail) error=save_error input_type="email" value=p.business_email.clone().unwrap_or_default()/>
                <TextField name="website" label=t(T::Website) error=save_error input_type="url" value=p.website.clone().unwrap_or_default()/>
                <TextField name="gst_number" label=t(T::Gst) error=save_error input_class="uppercase" value=p.gst_number.clone().unwrap_or_default()/>
                <TextField name="pan_number" label=t(T::Pan) error=save_error input_class="uppercase" value=p.pan_number.clone().unwrap_or_default()/>
                <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::Save)}</button>
            </ActionForm>
        </section>

        <section class="card mt-4" aria-labelledby="photo-heading">
            <h2 id="photo-heading" class="text-xl font-semibold">{t(T::Photo)}</h2>
            {u.avatar_url.clone().map(|src| view! {
                <img src=src alt=t(T::Photo) width="96" height="96" class="mt-3 h-24 w-24 rounded-full object-cover"/>
            })}
            <form method="post" action=PHOTO_FORM enctype="multipart/form-data" class="mt-3 flex flex-wrap items-end gap-3">
                <div class="flex max-w-full flex-col gap-1">
                    <label for="photo-file" class="font-medium">{t(T::ChooseFile)}</label>
                    <input id="photo-file" name="photo" type="file" class="input" accept="image/jpeg,image/png" aria-describedby="photo-hint"/>
                    <p id="photo-hint" class="text-sm text-muted">{t(T::PhotoHint)}</p>
                </div>
                <button type="submit" class="btn btn-secondary">{t(T::UploadPhoto)}</button>
                <div class="w-full"><FormAlert error=photo_error/></div>
            </form>
        </section>
    }
}
