//! Shared UI: the page frame (header, navigation, footer), toasts, error and loading
//! states, and small display widgets. Feature pages compose these.

pub mod feedback;
pub mod forms;
pub mod layout;
pub mod nav;
pub mod toast;
