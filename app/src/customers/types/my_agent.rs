//! What the customer pages exchange with the server.

use crate::presentations::types::{AgentCard, Presentation};
use serde::{Deserialize, Serialize};

/// A customer's agent as their own page shows them: who, how to reach them, and
/// the carousel they publish for their customers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyAgent {
    pub agent: AgentCard,
    pub email: Option<String>,
    /// The agent's active, published deck; `None` when they have none live, or
    /// are not an active agent.
    pub deck: Option<Presentation>,
}

impl MyAgent {
    /// The WhatsApp chat link for the agent's phone: `wa.me` takes digits only.
    pub fn whatsapp(&self) -> Option<String> {
        let digits: String = self
            .agent
            .phone_number
            .as_deref()?
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then(|| format!("https://wa.me/{digits}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_phone(phone: Option<&str>) -> MyAgent {
        MyAgent {
            agent: AgentCard {
                phone_number: phone.map(Into::into),
                ..AgentCard::default()
            },
            email: None,
            deck: None,
        }
    }

    #[test]
    fn whatsapp_links_use_the_digits_of_the_phone() {
        assert_eq!(
            with_phone(Some("+91 98765-43204")).whatsapp().as_deref(),
            Some("https://wa.me/919876543204")
        );
        assert_eq!(with_phone(None).whatsapp(), None);
        assert_eq!(with_phone(Some("+")).whatsapp(), None);
    }
}
