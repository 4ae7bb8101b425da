//! Shared UI widgets: toasts, error and loading states, forms and small display
//! widgets. Feature pages compose these. Nothing here imports a feature (the page
//! frame, which asks who is signed in, is `crate::frame`).

pub mod feedback;
pub mod forms;
pub mod live;
pub mod progress;
pub mod route;
pub mod table;
pub mod toast;
