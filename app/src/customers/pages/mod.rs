//! The customer pages: the agent's list (P8), adding one, a customer's page, and
//! the customer's own page (`/my`).

mod detail;
mod list;
mod my;
mod new;

pub use detail::CustomerDetailPage;
pub use list::CustomersPage;
pub use my::MyPage;
pub use new::NewCustomerPage;
