//! Users: the people of Agent Mitra and their one primary role. The foundation owns
//! the table, the role catalogue and password hashing (for `create-admin`); identity
//! adds sign-in, sessions, permissions and the admin pages.

pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
