//! `/agent/customers/new`: add a customer. The phone finds an existing user or
//! makes one; a phone that is already a customer's is said under the field.

use crate::customers::api::AddCustomer;
use crate::customers::text::{band_label, t, T};
use crate::customers::types::{ConsentChannel, IncomeBand, SALUTATIONS};
use crate::i18n::{Lang, Msg};
use crate::ui::forms::{action_error, FormAlert, SelectField, TextField};
use leptos::prelude::*;
use leptos_meta::Title;

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
            <SelectField name="salutation" label=t(T::Salutation) options=salutations error/>
            <TextField name="first_name" label=crate::users::text::t(crate::users::text::T::FirstName) error required=true/>
            <TextField name="last_name" label=crate::users::text::t(crate::users::text::T::LastName) error/>
            <TextField name="email" label=crate::users::text::t(crate::users::text::T::Email) error input_type="email"/>
            <TextField name="occupation" label=t(T::Occupation) error/>
            <SelectField name="income_band" label=t(T::IncomeBand) options=bands error/>
            <SelectField name="preferred_language" label=t(T::Language) options=langs error/>
            <TextField name="nominee_name" label=t(T::NomineeName) error/>
            <TextField name="nominee_relationship" label=t(T::NomineeRelation) error/>
            <div class="sm:col-span-2 flex items-start gap-3">
                <input type="checkbox" id="marketing_consent" name="marketing_consent" value="yes" checked=consented/>
                <label for="marketing_consent">{t(T::Consent)}</label>
            </div>
            <SelectField name="marketing_consent_channel" label=t(T::ConsentGiven) options=channels error/>
            <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::AddCustomer)}</button>
        </ActionForm>
    }
}
