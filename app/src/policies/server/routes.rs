//! Every policy endpoint, registered once (see `catalog`). The gate checks the
//! permission; the service then limits the caller to their book (own, team,
//! tenant), and a policy outside it is not found.

use super::rest::*;
use super::service::Sent;
use crate::access::{Access::*, Permission::*};
use crate::catalog::{Api, Endpoint};
use crate::policies::api as f;
use crate::policies::types::*;

/// A policy nobody holds, for the pages' server functions in the matrix.
const POLICY: &str = "policy_id=00000000-0000-4000-8000-000000000007";

/// Parses as every JSON body here; refused later by validation or state.
const SAMPLE: &str = "{}";

pub fn api() -> Api {
    use Endpoint as E;
    Api::new("policies", SAMPLE)
        .rest(
            E::get("/api/v1/policies", "Policies in the caller's book (filters: policyholder_id, agent_id, provider_id, status, policy_type, category, policy_number, view)", Permission(PoliciesRead))
                .query::<PolicyQuery>()
                .returns::<Vec<Policy>>()
                .errors(&[422]),
            list,
        )
        .rest(
            E::post("/api/v1/policies", "Write a draft policy for one of the agent's customers (number generated when omitted)", Permission(PoliciesCreate))
                .body::<PolicyRequest>()
                .status(201)
                .returns::<Policy>()
                .errors(&[403, 404, 409, 422]),
            create,
        )
        .rest(
            E::get("/api/v1/policies/renewals", "The renewal queue: due soon, in grace, revivable and lapsed, derived from due dates", Permission(PoliciesRead))
                .query::<RenewalQuery>()
                .returns::<Queue>()
                .errors(&[422]),
            renewals,
        )
        .rest(
            E::post("/api/v1/policies/renewals/remind", "Start a run of SMS reminders to one bucket of the caller's queue (default in_grace), skipping any reminded in 24 h; poll the run for its progress (an agent, or an admin for their scope)", AgentOr(PoliciesRead))
                .body::<BulkRequest>()
                .status(202)
                .returns::<ReminderRun>()
                .errors(&[403, 422]),
            remind_bucket,
        )
        .rest(
            E::get("/api/v1/policies/renewals/runs/{run_id}", "A run of reminders the caller started: its counts and status", Permission(PoliciesRead))
                .returns::<ReminderRun>()
                .errors(&[404]),
            reminder_run,
        )
        .rest(
            E::get("/api/v1/policies/number/{policy_number}", "One policy by number, in the caller's book", Permission(PoliciesRead))
                .returns::<Policy>()
                .errors(&[404]),
            by_number,
        )
        .rest(
            E::get("/api/v1/policies/{policy_id}", "One policy in the caller's book", Permission(PoliciesRead))
                .returns::<Policy>()
                .errors(&[404]),
            read,
        )
        .rest(
            E::put("/api/v1/policies/{policy_id}", "Edit a policy: owner agents only coverage and nominee before activation; `status` moves it (409 names the current state)", Permission(PoliciesUpdate))
                .body::<PolicyPatch>()
                .returns::<Policy>()
                .errors(&[403, 404, 409, 422]),
            update,
        )
        .rest(
            E::delete("/api/v1/policies/{policy_id}", "Cancel a policy that is not closed", Reach(PoliciesDelete))
                .returns::<Moved>()
                .errors(&[404, 409]),
            cancel,
        )
        .rest(
            E::post("/api/v1/policies/{policy_id}/submit", "Send a draft for approval (the owner agent)", Permission(PoliciesCreate))
                .returns::<Moved>()
                .errors(&[404, 409]),
            submit,
        )
        .rest(
            E::post("/api/v1/policies/{policy_id}/approve", "Approve a draft, pending or under-review policy", Reach(PoliciesApprove))
                .returns::<Moved>()
                .errors(&[404, 409]),
            approve,
        )
        .rest(
            E::post("/api/v1/policies/{policy_id}/activate", "Put an approved policy in force", Reach(PoliciesApprove))
                .returns::<Moved>()
                .errors(&[404, 409]),
            activate,
        )
        .rest(
            E::get("/api/v1/policies/{policy_id}/coverage", "The riders and benefits as a list", Permission(PoliciesRead))
                .returns::<Coverage>()
                .errors(&[404]),
            coverage,
        )
        .rest(
            E::get("/api/v1/policies/{policy_id}/premiums", "The premium history, newest first", Permission(PaymentsRead))
                .returns::<Premiums>()
                .errors(&[404]),
            premiums,
        )
        .rest(
            E::post("/api/v1/policies/{policy_id}/premiums", "Record a premium: counters and next due date move in one transaction; a receipt is recorded once (409)", Permission(PaymentsCreate))
                .body::<PremiumRequest>()
                .status(201)
                .returns::<Premium>()
                .errors(&[404, 409, 422]),
            record_premium,
        )
        .rest(
            E::get("/api/v1/policies/{policy_id}/claims", "Claims (not kept yet: an empty list)", Permission(PoliciesRead))
                .returns::<Claims>()
                .errors(&[404]),
            claims,
        )
        .rest(
            E::post("/api/v1/policies/{policy_id}/reminders", "Remind the customer of the premium due: SMS through the outbox, or a WhatsApp link to open; one per policy per 24 h (409)", Permission(PoliciesRead))
                .body::<ReminderRequest>()
                .status(201)
                .returns::<Sent>()
                .errors(&[404, 409, 422]),
            remind,
        )
        .merge(pages())
}

/// The pages' server functions (`/api/ui/policies/*`).
fn pages() -> Api {
    let sf = |e: Endpoint| e.undocumented();
    Api::new("web-ui", "")
        .server_fn(sf(Endpoint::server_fn::<f::ListPolicies>("The policy list page", Permission(PoliciesRead))))
        .server_fn(sf(Endpoint::server_fn::<f::LoadPolicy>("The policy page", Permission(PoliciesRead)).sample(POLICY)))
        .server_fn(sf(Endpoint::server_fn::<f::NewPolicyForm>("The New Policy form's choices", Permission(PoliciesCreate))))
        .server_fn(sf(Endpoint::server_fn::<f::WritePolicy>("Write a draft policy (form)", Permission(PoliciesCreate)).sample("policyholder_id=&policy_number=&policy_type=&plan_name=&plan_code=&category=&sum_assured=&premium_amount=&premium_frequency=&premium_mode=&application_date=&start_date=&maturity_date=&nominee_name=&nominee_relationship=&riders=")))
        .server_fn(sf(Endpoint::server_fn::<f::TakePolicyStep>("Submit, approve, activate or cancel (form)", Permission(PoliciesRead)).sample("policy_id=00000000-0000-4000-8000-000000000007&step=submit")))
        .server_fn(sf(Endpoint::server_fn::<f::RecordPremium>("Record a premium (form)", Permission(PaymentsCreate)).sample("policy_id=00000000-0000-4000-8000-000000000007&amount=1&payment_date=&payment_method=cash&reference=R1")))
        .server_fn(sf(Endpoint::server_fn::<f::LoadRenewals>("The renewal queue page", Permission(PoliciesRead))))
        .server_fn(sf(Endpoint::server_fn::<f::SendReminder>("Send one reminder (form)", Permission(PoliciesRead)).sample("policy_id=00000000-0000-4000-8000-000000000007&channel=sms&back=/agent/renewals")))
        .server_fn(sf(Endpoint::server_fn::<f::RemindAll>("Remind a whole bucket (form)", AgentOr(PoliciesRead)).sample("bucket=in_grace")))
        .server_fn(sf(Endpoint::server_fn::<f::LoadReminderRun>("A run of reminders' page", Permission(PoliciesRead)).sample("run_id=00000000-0000-4000-8000-000000000009")))
        .server_fn(sf(Endpoint::server_fn::<f::LoadMyPolicies>("The customer's own policies", SignedIn)))
        .server_fn(sf(Endpoint::server_fn::<f::LoadBookSummary>("The agent home's figures", SignedIn)))
}
