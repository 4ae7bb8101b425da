//! The demo users (`server::seed`), each with the credentials it signs in with, and
//! a signed-in client for any of them: `app.as_user(Demo::SuperAdmin).await`.

use crate::helpers::{TestApp, TestResponse};
use app::access::Role;
use http::Method;
use uuid::Uuid;

/// One seeded demo user: the ten role users, the demo agent AGENT001 and the demo
/// customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Demo {
    SuperAdmin,
    ProviderAdmin,
    RegionalManager,
    SeniorAgent,
    JuniorAgent,
    Policyholder,
    SupportStaff,
    ComplianceOfficer,
    SupportLead,
    Guest,
    /// AGENT001, junior agent, password `password123`: owns the demo decks.
    Agent,
    /// The demo agent's customer, password `password123`.
    Customer,
}

type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Role,
);

impl Demo {
    /// The ten role users, in the seed's order.
    pub const ROLE_USERS: [Demo; 10] = [
        Demo::SuperAdmin,
        Demo::ProviderAdmin,
        Demo::RegionalManager,
        Demo::SeniorAgent,
        Demo::JuniorAgent,
        Demo::Policyholder,
        Demo::SupportStaff,
        Demo::ComplianceOfficer,
        Demo::SupportLead,
        Demo::Guest,
    ];

    /// Every demo user: the ten role users, the demo agent and their customer.
    pub fn all() -> impl Iterator<Item = Demo> {
        Self::ROLE_USERS
            .into_iter()
            .chain([Demo::Agent, Demo::Customer])
    }

    fn row(self) -> &'static Row {
        match self {
            Demo::Agent => &server::seed::DEMO_AGENT_USERS[0],
            Demo::Customer => &server::seed::DEMO_AGENT_USERS[1],
            role_user => {
                let i = Self::ROLE_USERS
                    .iter()
                    .position(|d| *d == role_user)
                    .unwrap();
                &server::seed::DEMO_USERS[i]
            }
        }
    }

    pub fn user_id(self) -> Uuid {
        self.row().0.parse().unwrap()
    }

    /// `+91…`, as stored.
    pub fn phone(self) -> &'static str {
        self.row().1
    }

    pub fn email(self) -> &'static str {
        self.row().2
    }

    pub fn role(self) -> Role {
        self.row().5
    }

    pub fn password(self) -> &'static str {
        match self {
            Demo::Agent | Demo::Customer => server::seed::DEMO_AGENT_PASSWORD,
            _ => server::seed::DEMO_PASSWORD,
        }
    }

    /// The agent record of the users that have one.
    pub fn agent_id(self) -> Option<Uuid> {
        server::seed::DEMO_AGENTS
            .iter()
            .find(|a| a.1 == self.row().0)
            .map(|a| a.0.parse().unwrap())
    }
}

/// A demo user signed in through a fresh mobile session (bearer token).
pub struct AsUser<'a> {
    app: &'a TestApp,
    pub token: String,
}

impl TestApp {
    pub async fn as_user(&self, who: Demo) -> AsUser<'_> {
        AsUser {
            token: self.token_for(who.user_id()).await,
            app: self,
        }
    }
}

impl AsUser<'_> {
    pub async fn get(&self, path: &str) -> TestResponse {
        self.app.get_bearer(path, &self.token).await
    }

    pub async fn post_json(&self, path: &str, body: &str) -> TestResponse {
        self.send(Method::POST, path, body).await
    }

    pub async fn put_json(&self, path: &str, body: &str) -> TestResponse {
        self.send(Method::PUT, path, body).await
    }

    pub async fn delete(&self, path: &str) -> TestResponse {
        self.app.delete_bearer(path, &self.token).await
    }

    pub async fn send(&self, method: Method, path: &str, body: &str) -> TestResponse {
        self.app
            .send_bearer(
                method,
                path,
                &self.token,
                "application/json",
                body.to_owned(),
            )
            .await
    }
}
