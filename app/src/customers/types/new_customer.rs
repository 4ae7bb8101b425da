//! Adding a customer (`POST /policyholders`) and editing one (`PUT`): the request
//! shapes of SPEC §5.7 and the checks that turn them into rows.

use super::{ConsentChannel, IncomeBand};
use crate::customers::text::T;
use crate::error::{AppError, Problems};
use crate::i18n::{Lang, Msg};
use crate::input::given;
use crate::money::Money;
use crate::users::types::{NewUser, NewUserForm};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

const TEXT_MAX: usize = 100;

/// The person behind a new customer: found by phone when they are a user already.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerUser {
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// The profile fields a customer has; shared by adding and editing, where absent
/// means "unchanged".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfileFields {
    #[serde(default)]
    pub customer_id: Option<String>,
    #[serde(default)]
    pub salutation: Option<String>,
    #[serde(default)]
    pub marital_status: Option<String>,
    #[serde(default)]
    pub occupation: Option<String>,
    /// Rupees a year.
    #[serde(default)]
    pub annual_income: Option<Money>,
    #[serde(default)]
    pub income_band: Option<String>,
    /// `en` or `hi`: the language of their reminders.
    #[serde(default)]
    pub preferred_language: Option<String>,
    /// `{"name", "relationship", "share"}`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub nominee_details: Option<serde_json::Value>,
    #[serde(default)]
    pub marketing_consent: Option<bool>,
    /// How the consent was given; required with a consent.
    #[serde(default)]
    pub marketing_consent_channel: Option<String>,
}

/// `POST /api/v1/policyholders`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerRequest {
    #[serde(default)]
    pub user: CustomerUser,
    /// Defaults to the caller's own agent record; an admin names one in scope.
    #[serde(default)]
    pub agent_id: Option<Uuid>,
    #[serde(flatten)]
    pub profile: ProfileFields,
}

/// `PUT /api/v1/policyholders/{id}`: only the fields sent change.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CustomerPatch {
    /// Moves the customer and their policies to this agent (admins only).
    #[serde(default)]
    pub agent_id: Option<Uuid>,
    #[serde(flatten)]
    pub profile: ProfileFields,
}

/// Checked profile fields: `None` is "not given".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    pub customer_id: Option<String>,
    pub salutation: Option<String>,
    pub marital_status: Option<String>,
    pub occupation: Option<String>,
    pub annual_income: Option<Money>,
    pub income_band: Option<IncomeBand>,
    pub preferred_language: Option<Lang>,
    pub nominee_details: Option<serde_json::Value>,
    pub marketing_consent: Option<bool>,
    pub marketing_consent_channel: Option<ConsentChannel>,
}

/// A checked new customer.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCustomer {
    pub user: NewUser,
    pub agent_id: Option<Uuid>,
    pub profile: Profile,
}

fn short(problems: &mut Problems, field: &str, v: &Option<String>) -> Option<String> {
    let v = given(v);
    if v.as_deref().is_some_and(|s| s.chars().count() > TEXT_MAX) {
        problems.add(field, Msg::TooLong);
    }
    v
}

/// A nominee is an object with a name; relationship and share are optional.
fn nominee(problems: &mut Problems, v: &Option<serde_json::Value>) -> Option<serde_json::Value> {
    let v = v.as_ref().filter(|v| !v.is_null())?;
    let name = v.get("name").and_then(|n| n.as_str()).map(str::trim);
    let ok = v.is_object() && name.is_some_and(|n| (1..=TEXT_MAX).contains(&n.chars().count()));
    if !ok {
        problems.add("nominee_details", T::NomineeRule);
    }
    Some(v.clone())
}

impl ProfileFields {
    pub fn check(&self, problems: &mut Problems) -> Profile {
        let customer_id = short(problems, "customer_id", &self.customer_id);
        let salutation = short(problems, "salutation", &self.salutation);
        let marital_status = short(problems, "marital_status", &self.marital_status);
        let occupation = short(problems, "occupation", &self.occupation);
        let income_band = given(&self.income_band).and_then(|b| {
            let band = IncomeBand::parse(&b);
            if band.is_none() {
                problems.add("income_band", T::IncomeBandRule);
            }
            band
        });
        let preferred_language = given(&self.preferred_language).and_then(|l| {
            let lang = Lang::from_code(&l);
            if lang.is_none() {
                problems.add("preferred_language", T::LanguageRule);
            }
            lang
        });
        let channel = given(&self.marketing_consent_channel).and_then(|c| {
            let channel = ConsentChannel::parse(&c);
            if channel.is_none() {
                problems.add("marketing_consent_channel", T::ConsentChannelRule);
            }
            channel
        });
        if self.marketing_consent == Some(true) && channel.is_none() {
            problems.add("marketing_consent_channel", T::ConsentChannelRule);
        }
        Profile {
            customer_id: customer_id.map(|c| c.to_ascii_uppercase()),
            salutation,
            marital_status,
            occupation,
            annual_income: self.annual_income,
            income_band,
            preferred_language,
            nominee_details: nominee(problems, &self.nominee_details),
            marketing_consent: self.marketing_consent,
            marketing_consent_channel: channel,
        }
    }
}

impl CustomerRequest {
    /// # Errors
    /// 422 with every field's problem at once.
    pub fn validate(&self, lang: Lang) -> Result<NewCustomer, AppError> {
        let form = NewUserForm {
            phone_number: self.user.phone_number.clone(),
            email: self.user.email.clone(),
            first_name: self.user.first_name.clone(),
            last_name: self.user.last_name.clone(),
            role: crate::access::Role::Policyholder.as_str().to_owned(),
            password: None,
        };
        let mut problems = Problems::new(lang);
        // A customer is reached by phone: reminders go there.
        let no_phone = given(&self.user.phone_number).is_none();
        if no_phone {
            problems.add("phone_number", T::PhoneNeeded);
        }
        let user = match form.validate(lang) {
            Ok(user) => Some(user),
            Err(AppError::Invalid { fields, .. }) => {
                for (field, messages) in fields {
                    // "Phone or email" is moot: the phone is required.
                    if field == "phone_number" && no_phone {
                        continue;
                    }
                    for m in messages {
                        problems.add_text(field.clone(), m);
                    }
                }
                None
            }
            Err(other) => return Err(other),
        };
        let profile = self.profile.check(&mut problems);
        problems.into_result()?;
        Ok(NewCustomer {
            user: user.ok_or(AppError::Internal)?,
            agent_id: self.agent_id,
            profile,
        })
    }
}

impl CustomerPatch {
    /// # Errors
    /// 422 with every field's problem at once.
    pub fn validate(&self, lang: Lang) -> Result<Profile, AppError> {
        let mut problems = Problems::new(lang);
        let profile = self.profile.check(&mut problems);
        problems.into_result()?;
        Ok(profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(v: serde_json::Value) -> CustomerRequest {
        serde_json::from_value(v).unwrap()
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Invalid { fields, .. } => fields.into_keys().collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_customer_needs_a_phone_and_a_first_name() {
        let err = request(json!({"user": {"email": "a@b.in"}}))
            .validate(Lang::En)
            .unwrap_err();
        let f = fields(err);
        assert!(f.contains(&"phone_number".to_owned()), "{f:?}");
        assert!(f.contains(&"first_name".to_owned()), "{f:?}");
    }

    #[test]
    fn a_good_request_is_normalised() {
        let c = request(json!({
            "user": {"phone_number": "98765 43299", "first_name": " Asha ", "last_name": "Rao"},
            "customer_id": "cust9", "income_band": "5l_10l", "preferred_language": "hi",
            "nominee_details": {"name": "Ravi", "relationship": "son"},
            "marketing_consent": true, "marketing_consent_channel": "in_person"
        }))
        .validate(Lang::En)
        .unwrap();
        assert_eq!(c.user.phone_number.as_deref(), Some("+919876543299"));
        assert_eq!(c.user.first_name, "Asha");
        assert_eq!(c.profile.customer_id.as_deref(), Some("CUST9"));
        assert_eq!(c.profile.income_band, Some(IncomeBand::From5To10L));
        assert_eq!(c.profile.preferred_language, Some(Lang::Hi));
    }

    #[test]
    fn consent_without_a_channel_and_a_nameless_nominee_are_refused() {
        let err = request(json!({
            "user": {"phone_number": "9876543299", "first_name": "Asha"},
            "marketing_consent": true, "nominee_details": {"relationship": "son"},
            "income_band": "lots"
        }))
        .validate(Lang::En)
        .unwrap_err();
        let f = fields(err);
        for name in [
            "marketing_consent_channel",
            "nominee_details",
            "income_band",
        ] {
            assert!(f.contains(&name.to_owned()), "{name} in {f:?}");
        }
    }
}
