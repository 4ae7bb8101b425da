//! `create-admin`: the way to get the first super admin onto a fresh database.

use crate::cli::CreateAdmin;
use anyhow::{bail, Context};
use app::access::Role;
use app::credentials::{argon2id, is_valid_email, normalize_phone, password::check_new_password};
use app::error::Problems;
use app::i18n::Lang;
use app::users::server::repo;
use sqlx::PgPool;
use std::io::{BufRead, Write};
use uuid::Uuid;

/// Validated input for creating an admin.
#[derive(Debug)]
pub struct AdminInput {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub password: String,
    pub first_name: String,
    pub last_name: String,
}

impl AdminInput {
    pub fn parse(args: CreateAdmin, password: String) -> anyhow::Result<Self> {
        let email = args
            .email
            .filter(|e| !e.trim().is_empty())
            .map(|e| e.trim().to_lowercase());
        if let Some(email) = &email {
            if !is_valid_email(email) {
                bail!("'{email}' is not a valid email address");
            }
        }
        let phone = match args.phone.filter(|p| !p.trim().is_empty()) {
            Some(p) => Some(
                normalize_phone(&p)
                    .with_context(|| format!("'{p}' is not a valid Indian mobile number"))?,
            ),
            None => None,
        };
        if email.is_none() && phone.is_none() {
            bail!("give an --email or a --phone to sign in with");
        }
        let mut problems = Problems::new(Lang::En);
        check_new_password(&mut problems, "password", &password);
        if let Some(message) = problems.into_fields().into_values().flatten().next() {
            bail!(message);
        }
        Ok(Self {
            email,
            phone,
            password,
            first_name: args.first_name,
            last_name: args.last_name,
        })
    }
}

/// Prompts on the terminal for whatever the flags left out.
pub fn complete_interactively(mut args: CreateAdmin) -> anyhow::Result<(CreateAdmin, String)> {
    if args.email.is_none() && args.phone.is_none() {
        args.email = Some(prompt("Email (leave empty to use a phone number): ")?);
        if args.email.as_deref() == Some("") {
            args.phone = Some(prompt("Mobile number: ")?);
        }
    }
    let password = match args.password.take() {
        Some(p) => p,
        None => {
            let first = rpassword::prompt_password("Password (8–128 characters): ")?;
            let again = rpassword::prompt_password("Repeat the password: ")?;
            if first != again {
                bail!("the passwords do not match");
            }
            first
        }
    };
    Ok((args, password))
}

fn prompt(question: &str) -> anyhow::Result<String> {
    print!("{question}");
    std::io::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_owned())
}

/// Creates or promotes the admin in one transaction. Returns (id, created).
pub async fn create(pool: &PgPool, input: &AdminInput) -> anyhow::Result<(Uuid, bool)> {
    let hash = argon2id::hash(input.password.clone()).await?;
    let mut tx = pool.begin().await?;
    let result = repo::upsert_by_identifier(
        &mut tx,
        &repo::NewUser {
            email: input.email.as_deref(),
            phone_number: input.phone.as_deref(),
            password_hash: &hash,
            first_name: &input.first_name,
            last_name: &input.last_name,
            role: Role::SuperAdmin,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(email: Option<&str>, phone: Option<&str>) -> CreateAdmin {
        CreateAdmin {
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            password: None,
            first_name: "Asha".into(),
            last_name: "Rao".into(),
        }
    }

    #[test]
    fn input_is_validated_and_normalised() {
        let ok = AdminInput::parse(
            args(Some(" Admin@Example.com "), Some("98765 43299")),
            "long enough".into(),
        )
        .unwrap();
        assert_eq!(ok.email.as_deref(), Some("admin@example.com"));
        assert_eq!(ok.phone.as_deref(), Some("+919876543299"));
        assert!(AdminInput::parse(args(None, None), "long enough".into()).is_err());
        assert!(AdminInput::parse(args(Some("nope"), None), "long enough".into()).is_err());
        assert!(AdminInput::parse(args(Some("a@b.co"), None), "short".into()).is_err());
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn creating_an_admin_twice_promotes_the_same_user(pool: PgPool) {
        let input = AdminInput::parse(args(Some("boss@example.com"), None), "correct horse".into())
            .unwrap();
        let (id, created) = create(&pool, &input).await.unwrap();
        assert!(created);
        let (again, created) = create(&pool, &input).await.unwrap();
        assert_eq!((again, created), (id, false));
        let (role, hash): (String, String) =
            sqlx::query_as("SELECT role, password_hash FROM users WHERE user_id = $1")
                .bind(id)
                .fetch_one(&pool)
                .await
                .unwrap();
        assert_eq!(role, "super_admin");
        assert!(argon2id::verify("correct horse".into(), hash)
            .await
            .unwrap());
    }
}
