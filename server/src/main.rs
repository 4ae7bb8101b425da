use anyhow::Context;
use clap::Parser;
use server::{
    admin,
    cli::{Cli, Command},
    config::Settings,
    db, seed,
    startup::Application,
    telemetry,
};

/// Worker threads get 8 MiB of stack: server-side rendering of the deepest pages
/// (the presentation editor) must never come near the 2 MiB default.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK_BYTES)
        .build()?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load()?;
    telemetry::init(settings.log_format());
    tracing::info!(environment = settings.environment.as_str(), "starting");

    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            Application::build(&settings)
                .await?
                .run_until_stopped()
                .await
        }
        Command::Migrate => {
            let pool = db::connect(&settings).await?;
            db::migrate(&pool).await?;
            println!("Migrations are up to date.");
            Ok(())
        }
        Command::Seed => {
            let pool = db::connect(&settings).await?;
            db::migrate(&pool).await?;
            let media = settings.media_store()?;
            let report = seed::run(&pool, &media).await.context("seeding failed")?;
            println!("Demo data ready ({} users created).", report.users_created);
            Ok(())
        }
        Command::CreateAdmin(args) => {
            let (args, password) = admin::complete_interactively(args)?;
            let input = admin::AdminInput::parse(args, password)?;
            let pool = db::connect(&settings).await?;
            db::migrate(&pool).await?;
            let (id, created) = admin::create(&pool, &input).await?;
            let verb = if created { "Created" } else { "Promoted" };
            println!("{verb} super admin {id}.");
            Ok(())
        }
    }
}
