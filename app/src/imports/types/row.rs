//! Checking one row of a book: the header's columns, the spellings import files
//! use, and the forms' own rules applied to the row's cells.

use super::{BookRow, RowError, COLUMNS};
use crate::customers::types::{CustomerRequest, CustomerUser};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::money::Money;
use crate::policies::types::{policy_number, Frequency, PolicyRequest, PolicyStatus};
use chrono::NaiveDate;
use uuid::Uuid;

/// Maps a header row to column positions; unknown columns are ignored, missing
/// required ones are one error each.
pub fn columns(header: &[String]) -> Result<Vec<Option<usize>>, Vec<RowError>> {
    let position = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let found: Vec<Option<usize>> = COLUMNS.iter().map(|c| position(c)).collect();
    let missing: Vec<RowError> = [
        "phone_number",
        "first_name",
        "policy_type",
        "plan_name",
        "category",
        "sum_assured",
        "premium_amount",
        "premium_frequency",
        "application_date",
        "start_date",
    ]
    .iter()
    .filter(|c| position(c).is_none())
    .map(|c| RowError {
        row: 0,
        field: (*c).to_owned(),
        message: format!("The header has no {c} column: start from the template."),
    })
    .collect();
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(missing)
    }
}

/// "Half-Yearly", "Yearly" and "ANNUAL" are the spellings import files use
/// (SPEC §9 #26).
fn frequency(raw: &str) -> String {
    raw.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// The first due date on or after `today` of a premium schedule from `start`.
fn next_due_from(start: NaiveDate, freq: Frequency, today: NaiveDate) -> NaiveDate {
    let mut due = start;
    let mut n = 0;
    while due < today && n < 2400 {
        n += 1;
        due = crate::policies::types::add_months(start, freq.months() * n);
    }
    due
}

/// Checks one data row with the forms' own rules. `row` is its number, for the
/// errors; `provider_code` the importing agent's insurer (LIC numbers have 8–12
/// digits).
pub fn check_row(
    cells: &[String],
    at: &[Option<usize>],
    row: i64,
    lang: Lang,
    today: NaiveDate,
    provider_code: &str,
) -> Result<BookRow, Vec<RowError>> {
    let cell = |name: &str| -> Option<String> {
        let i = COLUMNS.iter().position(|c| *c == name)?;
        at[i]
            .and_then(|p| cells.get(p))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let mut errors = Vec::new();
    let take = |errors: &mut Vec<RowError>, err: AppError| {
        if let AppError::Invalid { fields, .. } = err {
            for (field, messages) in fields {
                for message in messages {
                    errors.push(RowError {
                        row,
                        field: field.clone(),
                        message,
                    });
                }
            }
        }
    };
    let customer = CustomerRequest {
        user: CustomerUser {
            phone_number: cell("phone_number"),
            first_name: cell("first_name"),
            last_name: cell("last_name"),
            email: cell("email"),
        },
        agent_id: None,
        profile: crate::customers::types::ProfileFields {
            customer_id: cell("customer_id"),
            preferred_language: cell("preferred_language"),
            ..Default::default()
        },
    }
    .validate(lang);
    let amount = |name: &str| cell(name).map(|raw| Money::parse(&raw).unwrap_or(Money::ZERO));
    let policy = PolicyRequest {
        policy_number: cell("policy_number"),
        policyholder_id: Some(Uuid::nil()),
        policy_type: cell("policy_type").unwrap_or_default(),
        plan_name: cell("plan_name").unwrap_or_default(),
        plan_code: cell("plan_code"),
        category: cell("category").unwrap_or_default().to_ascii_lowercase(),
        sum_assured: amount("sum_assured"),
        premium_amount: amount("premium_amount"),
        premium_frequency: frequency(&cell("premium_frequency").unwrap_or_default()),
        application_date: cell("application_date").unwrap_or_default(),
        start_date: cell("start_date").unwrap_or_default(),
        maturity_date: cell("maturity_date"),
        ..Default::default()
    }
    .validate(lang, today);
    let number = match cell("policy_number") {
        Some(raw) => match policy_number(&raw, provider_code) {
            Ok(n) => Some(n),
            Err(m) => {
                errors.push(RowError {
                    row,
                    field: "policy_number".into(),
                    message: crate::i18n::Text::text(m, lang).to_owned(),
                });
                None
            }
        },
        None => None,
    };
    let status = match cell("status") {
        None => Some(PolicyStatus::Active),
        Some(s) => {
            let s = PolicyStatus::parse(&s.to_ascii_lowercase());
            if s.is_none() {
                errors.push(RowError {
                    row,
                    field: "status".into(),
                    message: "Use one of the ten policy statuses (active, lapsed, draft, …)."
                        .into(),
                });
            }
            s
        }
    };
    let next_due = match cell("next_due_date") {
        None => None,
        Some(raw) => match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(RowError {
                    row,
                    field: "next_due_date".into(),
                    message: crate::i18n::Text::text(crate::i18n::Msg::DateFormat, lang).to_owned(),
                });
                None
            }
        },
    };
    let (customer, policy) = match (customer, policy) {
        (Ok(c), Ok(p)) if errors.is_empty() => (c, p),
        (c, p) => {
            if let Err(e) = c {
                take(&mut errors, e);
            }
            if let Err(e) = p {
                take(&mut errors, e);
            }
            return Err(errors);
        }
    };
    let next_due_date = next_due
        .unwrap_or_else(|| next_due_from(policy.start_date, policy.premium_frequency, today));
    Ok(BookRow {
        phone_number: customer.user.phone_number.unwrap_or_default(),
        first_name: customer.user.first_name,
        last_name: customer.user.last_name,
        email: customer.user.email,
        customer_id: customer.profile.customer_id,
        preferred_language: customer
            .profile
            .preferred_language
            .unwrap_or_default()
            .code()
            .to_owned(),
        policy_number: number,
        policy_type: policy.policy_type,
        plan_name: policy.plan_name,
        plan_code: policy.plan_code,
        category: policy.category.as_str().to_owned(),
        sum_assured: policy.sum_assured,
        premium_amount: policy.premium_amount,
        premium_frequency: policy.premium_frequency,
        application_date: policy.application_date,
        start_date: policy.start_date,
        maturity_date: policy.maturity_date,
        next_due_date,
        status: status.unwrap_or(PolicyStatus::Active),
        nominee_name: cell("nominee_name"),
    })
}

#[cfg(test)]
mod tests {
    use super::super::template;
    use super::*;
    use crate::imports::csv::Reader;

    fn rows(text: &str) -> Vec<Result<BookRow, Vec<RowError>>> {
        let mut r = Reader::new(text.as_bytes());
        let header = r.record().unwrap().unwrap();
        let at = columns(&header).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut out = Vec::new();
        let mut n = 0;
        while let Some(cells) = r.record().unwrap() {
            n += 1;
            out.push(check_row(&cells, &at, n, Lang::En, today, "LIC"));
        }
        out
    }

    #[test]
    fn the_template_passes_its_own_checks() {
        let checked = rows(&template());
        assert_eq!(checked.len(), 2);
        let first = checked[0].clone().unwrap();
        assert_eq!(first.phone_number, "+919876501001");
        assert_eq!(first.premium_frequency, Frequency::Quarterly);
        assert_eq!(first.next_due_date.to_string(), "2026-12-10");
        let second = checked[1].clone().unwrap();
        assert_eq!(
            second.premium_frequency,
            Frequency::Annual,
            "yearly is annual"
        );
        assert_eq!(
            second.next_due_date.to_string(),
            "2027-07-05",
            "the next anniversary"
        );
        assert_eq!(second.policy_number, None);
    }

    #[test]
    fn a_bad_row_names_each_problem_with_its_row() {
        let mut text = crate::imports::csv::line(COLUMNS);
        text.push_str(
            "12345,,,,,,ABC,term_life,,,motor,0,10,weekly,2030-01-01,2024-01-01,,,sleeping,\n",
        );
        let errs = rows(&text).remove(0).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "phone_number",
            "first_name",
            "policy_number",
            "plan_name",
            "category",
            "sum_assured",
            "premium_frequency",
            "application_date",
            "status",
        ] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        assert!(errs.iter().all(|e| e.row == 1));
    }

    #[test]
    fn a_header_without_the_required_columns_is_refused_whole() {
        let errs = columns(&["phone_number".to_owned(), "plan_name".to_owned()]).unwrap_err();
        assert!(errs.iter().any(|e| e.field == "premium_amount"));
        assert!(errs.iter().all(|e| e.row == 0));
    }
}
