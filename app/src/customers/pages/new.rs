//! `/agent/customers/new`: add a customer. The phone finds an existing user or
//! makes one; a phone that is already a customer's is said under the field.

use crate::customers::api::AddCustomer;
use crate::customers::text::{band_label, t, T};
use crate::customers::types::{ConsentChannel, IncomeBand, SALUTATIONS};
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{action_error, FieldError, FormAlert, TextField};
use leptos::prelude::*;
use leptos_meta::Title;

fn select(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    error: Signal<Option<crate::error::AppError>>,
) -> impl IntoView {
    let chosen = crate::flash::typed(name).unwrap_or_default();
    let error_id = format!("{name}-error");
    view! {
        <div class="flex flex-col gap-1">
            <label for=name class="font-medium">{label}</label>
            <select id=name name=name class="input" aria-describedby=error_id.clone()>
                {options.into_iter().map(|(value, text)| {
                    let selected = chosen == value;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <FieldError id=error_id name error/>
        </div>
    }
}

#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let action = ServerAction::<AddCustomer>::new();
    let error = action_error(action);
    let blank = || (String::new(), "—".to_owned());
    let salutations = std::iter::once(blank())
        .chain(
            SALUTATIONS
                .iter()
                .map(|s| ((*s).to_owned(), (*s).to_owned())),
        )
        .collect();
    let bands = std::iter::once(blank())
        .chain(
            IncomeBand::ALL
                .iter()
                .map(|b| (b.as_str().to_owned(), band_label(*b).to_owned())),
        )
        .collect();
    let langs = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let channels = [
        (ConsentChannel::InPerson, T::InPerson),
        (ConsentChannel::Phone, T::ByPhone),
    ]
    .into_iter()
    .map(|(c, label)| (c.as_str().to_owned(), t(label).to_owned()))
    .chain([ConsentChannel::Sms, ConsentChannel::Whatsapp].map(|c| {
        (
            c.as_str().to_owned(),
            match c {
                ConsentChannel::Sms => "SMS".to_owned(),
                _ => "WhatsApp".to_owned(),
            },
        )
    }))
    .collect();
    let consented = crate::flash::typed("marketing_consent").is_some();
    view! {
        <Title text=t(T::AddCustomer)/>
        <h1 class="text-3xl font-bold">{t(T::AddCustomer)}</h1>
        <ActionForm action attr:class="card mt-4 grid gap-4 sm:grid-cols-2 max-w-3xl" attr:novalidate="true" attr:data-testid="add-customer">
            <div class="sm:col-span-2"><FormAlert error/></div>
            <TextField name="phone_number" label=crate::i18n::t(Msg::MobileNumber) error input_type="tel" prefix="+91" required=true autocomplete="tel"/>
            {select("salutation", t(T::Salutation), salutations, error)}
            <TextField name="first_name" label=crate::users::text::t(crate::users::text::T::FirstName) error required=true/>
            <TextField name="last_name" label=crate::users::text::t(crate::users::text::T::LastName) error/>
            <TextField name="email" label=crate::users::text::t(crate::users::text::T::Email) error input_type="email"/>
            <TextField name="occupation" label=t(T::Occupation) error/>
            {select("income_band", t(T::IncomeBand), bands, error)}
            {select("preferred_language", t(T::Language), langs, error)}
            <TextField name="nominee_name" label=t(T::NomineeName) error/>
            <TextField name="nominee_relationship" label=t(T::NomineeRelation) error/>
            <div class="sm:col-span-2 flex items-start gap-3">
                <input type="checkbox" id="marketing_consent" name="marketing_consent" value="yes" checked=consented/>
                <label for="marketing_consent">{t(T::Consent)}</label>
            </div>
            {select("marketing_consent_channel", t(T::ConsentGiven), channels, error)}
            <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::AddCustomer)}</button>
        </ActionForm>
    }
}
