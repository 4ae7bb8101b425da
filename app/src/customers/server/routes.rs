//! Every customer endpoint, registered once (see `catalog`).

use super::rest::*;
use crate::access::{Access::*, Permission::*};
use crate::catalog::{Api, Endpoint};
use crate::customers::api as f;
use crate::customers::types::*;

/// Parses as every JSON body here; refused later by validation.
const SAMPLE: &str = r#"{"user":{}}"#;
/// A customer nobody holds, for the pages' server functions in the matrix.
const HOLDER: &str = "policyholder_id=00000000-0000-4000-8000-000000000006";

pub fn api() -> Api {
    use Endpoint as E;
    Api::new("customers", SAMPLE)
        .rest(
            E::post("/api/v1/policyholders", "Add a customer: the user is found by phone or created; 409 when the phone is already a customer's", Permission(CustomersCreate))
                .body::<CustomerRequest>()
                .status(201)
                .returns::<Customer>()
                .errors(&[403, 409, 422]),
            create,
        )
        .rest(
            E::get("/api/v1/policyholders", "Customers in the caller's book (agents: their own; admins: their scope; a customer: themself)", Permission(CustomersRead))
                .query::<CustomerQuery>()
                .returns::<CustomerList>()
                .errors(&[422]),
            list,
        )
        .rest(
            E::get("/api/v1/policyholders/{policyholder_id}", "One customer in the caller's book", Permission(CustomersRead))
                .returns::<Customer>()
                .errors(&[404]),
            read,
        )
        .rest(
            E::put("/api/v1/policyholders/{policyholder_id}", "Edit a customer's profile; `agent_id` moves them and their policies (admins in scope)", Permission(CustomersUpdate))
                .body::<CustomerPatch>()
                .returns::<Customer>()
                .errors(&[403, 404, 409, 422]),
            update,
        )
        .server_fn(
            Endpoint::server_fn::<f::LoadMyAgent>("The signed-in customer's agent", SignedIn)
                .undocumented(),
        )
        .server_fn(Endpoint::server_fn::<f::ListCustomers>("The customer list page", Permission(CustomersRead)))
        .server_fn(Endpoint::server_fn::<f::AddCustomer>("Add a customer (form)", Permission(CustomersCreate)).sample("phone_number=&first_name=&last_name=&email=&salutation=&occupation=&income_band=&preferred_language=&nominee_name=&nominee_relationship=&marketing_consent_channel="))
        .server_fn(Endpoint::server_fn::<f::LoadCustomer>("A customer's page", Permission(CustomersRead)).sample(HOLDER))
        .server_fn(Endpoint::server_fn::<f::MoveCustomer>("Move a customer to another agent (form)", Permission(CustomersUpdate)).sample("policyholder_id=00000000-0000-4000-8000-000000000006&agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
}
