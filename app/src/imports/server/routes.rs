//! Every import endpoint, registered once (see `catalog`).

use super::rest::*;
use crate::access::{Access::*, Permission::*};
use crate::catalog::{Api, Endpoint};
use crate::imports::api as f;
use crate::imports::types::Job;

pub fn api() -> Api {
    use Endpoint as E;
    Api::new("imports", "{}")
        .rest(
            E::get("/api/v1/imports/template.csv", "The book template: the columns and two example rows", SignedIn)
                .returns_media("text/csv"),
            template_csv,
        )
        .rest(
            E::post("/api/v1/imports", "Upload a book (multipart `file`, CSV up to 64 MB; `agent_id` for admins): every row is checked first, nothing is written yet", AgentOr(CustomersUpdate))
                .status(202)
                .returns::<JobAnswer>()
                .errors(&[413, 422])
                .body_limit(65 * 1024 * 1024),
            upload,
        )
        .rest(
            E::get("/api/v1/imports/{job_id}", "An import: its state, counts and first errors", AgentOr(CustomersUpdate))
                .returns::<JobAnswer>()
                .errors(&[404]),
            read,
        )
        .rest(
            E::get("/api/v1/imports/{job_id}/errors.csv", "Every row's problems, as CSV", AgentOr(CustomersUpdate))
                .returns_media("text/csv")
                .errors(&[404]),
            errors_csv,
        )
        .rest(
            E::post("/api/v1/imports/{job_id}/run", "Write the valid rows, in batches (resumes a failed import where it stopped)", AgentOr(CustomersUpdate))
                .status(202)
                .returns::<Job>()
                .errors(&[404, 409]),
            run,
        )
        .rest(
            E::post("/api/v1/imports/{job_id}/rollback", "Remove everything the import wrote, as one transaction", AgentOr(CustomersUpdate))
                .returns::<Job>()
                .errors(&[404, 409]),
            roll_back,
        )
        .rest(
            E::post(UPLOAD_FORM, "Upload a book from the import page (multipart form)", AgentOr(CustomersUpdate))
                .body_limit(65 * 1024 * 1024)
                .undocumented(),
            upload_form,
        )
        .server_fn(Endpoint::server_fn::<f::LoadImports>("The import page: recent jobs", AgentOr(CustomersUpdate)))
        .server_fn(Endpoint::server_fn::<f::LoadImport>("An import's page", AgentOr(CustomersUpdate)).sample("job_id=00000000-0000-4000-8000-000000000008"))
        .server_fn(Endpoint::server_fn::<f::RunImport>("Write or resume an import (form)", AgentOr(CustomersUpdate)).sample("job_id=00000000-0000-4000-8000-000000000008"))
        .server_fn(Endpoint::server_fn::<f::RollBackImport>("Roll an import back (form)", AgentOr(CustomersUpdate)).sample("job_id=00000000-0000-4000-8000-000000000008"))
}
