//! The command line of the server binary.

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "agent-mitra",
    version,
    about = "Agent Mitra: the web platform for insurance agents and their admins.",
    long_about = "Agent Mitra's server. Configuration comes from defaults, an optional \
                  agent-mitra.toml and environment variables (see .env.sample). \
                  Without a subcommand it serves."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending migrations, then serve the app (the default).
    Serve,
    /// Apply pending migrations and exit.
    Migrate,
    /// Apply migrations, then insert the demo data (idempotent: safe to repeat).
    Seed,
    /// Create a super admin, or promote and reset an existing user with that email or
    /// phone. Prompts for anything not given as a flag.
    CreateAdmin(CreateAdmin),
}

#[derive(Debug, Args)]
pub struct CreateAdmin {
    /// Email address to sign in with.
    #[arg(long)]
    pub email: Option<String>,
    /// Indian mobile number (10 digits; +91 optional).
    #[arg(long)]
    pub phone: Option<String>,
    /// Password (8–128 characters). Prefer the prompt: flags end up in shell history.
    #[arg(long, env = "ADMIN_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    #[arg(long, default_value = "Super")]
    pub first_name: String,
    #[arg(long, default_value = "Admin")]
    pub last_name: String,
}
