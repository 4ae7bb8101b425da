//! The users export: CSV with RFC 4180 quoting and a guard against spreadsheet
//! formulas, as one string or as header plus rows (the export streams the rows).

use super::UserResponse;

/// CSV of a user list: exactly the rows given, RFC 4180 quoting, and a guard against
/// spreadsheet formula injection (cells starting with = + - @ get a leading ').
pub fn users_csv(users: &[UserResponse]) -> String {
    format!("{USERS_CSV_HEADER}{}", users_csv_rows(users))
}

/// The header line of the users CSV.
pub const USERS_CSV_HEADER: &str =
    "user_id,first_name,last_name,email,phone_number,role,status,last_login_at,created_at\r\n";

/// CSV lines of these users, without the header (an export streams them in batches).
pub fn users_csv_rows(users: &[UserResponse]) -> String {
    fn cell(v: &str) -> String {
        let v = if v.starts_with(['=', '+', '-', '@']) {
            format!("'{v}")
        } else {
            v.to_owned()
        };
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v
        }
    }
    let mut out = String::new();
    for u in users {
        let row = [
            u.user_id.to_string(),
            u.first_name.clone().unwrap_or_default(),
            u.last_name.clone().unwrap_or_default(),
            u.email.clone().unwrap_or_default(),
            u.phone_number.clone().unwrap_or_default(),
            u.role.as_str().to_owned(),
            u.status.as_str().to_owned(),
            u.last_login_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            u.created_at.to_rfc3339(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use crate::users::types::UserStatus;

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let now = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let u = UserResponse {
            user_id: uuid::Uuid::nil(),
            email: None,
            phone_number: None,
            first_name: Some("=HYPERLINK(\"x\")".into()),
            last_name: Some("Rao, Jr".into()),
            display_name: None,
            role: Role::Guest,
            status: UserStatus::Active,
            phone_verified: false,
            email_verified: false,
            last_login_at: None,
            created_at: now,
            updated_at: now,
        };
        let csv = users_csv(&[u]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"Rao, Jr\""));
        assert_eq!(csv.lines().count(), 2);
    }
}
