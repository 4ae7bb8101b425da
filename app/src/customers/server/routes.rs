//! Every customer endpoint, registered once (see `catalog`).

use crate::access::Access::SignedIn;
use crate::catalog::{Api, Endpoint};
use crate::customers::api as f;

pub fn api() -> Api {
    Api::new("customers", "").server_fn(
        Endpoint::server_fn::<f::LoadMyAgent>("The signed-in customer's agent", SignedIn)
            .undocumented(),
    )
}
