//! The page frame: header with the role-aware menu, main landmark, footer, and the
//! signed-in session every page reads. It sits above the features (it asks `auth`
//! who is signed in), so it is not in `ui/`, whose widgets import no feature.

pub mod gate;
mod layout;
pub mod nav;

pub use gate::{landing, Gate};
pub use layout::{use_session, Layout, SignOutButton};
