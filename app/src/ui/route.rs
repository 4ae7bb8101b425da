//! What a detail page reads from its path: the `:id`, and the record it names.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;
use uuid::Uuid;

/// The page's `:id`, when it is a UUID. A malformed id names no record, so it is
/// "not found" like any other, without asking the server.
pub fn path_id() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("id").and_then(|s| s.parse::<Uuid>().ok())
}

/// The record the page's `:id` names, loaded by `load` (a server function);
/// "{what} not found" for an id that is not one.
pub fn record<T, Fut>(
    what: &'static str,
    load: impl Fn(Uuid) -> Fut + Copy + Send + Sync + 'static,
) -> Resource<Result<T, AppError>>
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
{
    Resource::new(path_id(), move |id| async move {
        match id {
            Some(id) => load(id).await,
            None => Err(AppError::not_found(what)),
        }
    })
}
