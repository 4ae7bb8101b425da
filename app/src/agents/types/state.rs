//! The agent's two states and the verification state machine of SPEC §4.6, as pure
//! functions: the service asks `next` before it writes, and nothing else moves an
//! agent between states.

crate::text_enum! {
    /// Whether the agent may work (`agents.status`).
    pub enum AgentStatus {
        Active => "active",
        Inactive => "inactive",
        Suspended => "suspended",
        PendingApproval => "pending_approval",
        Rejected => "rejected",
    }
}

crate::text_enum! {
    /// How far the licence check has come (`agents.verification_status`). The seeds'
    /// `approved` reads as `verified`.
    pub enum Verification {
        Pending => "pending",
        Submitted => "submitted",
        Verified => "verified" | "approved",
        Rejected => "rejected",
    }
}

crate::text_enum! {
    /// What someone asks to do to an agent's state.
    pub enum Step {
        /// The agent sends their licence and documents (first time, or again after a rejection).
        Submit => "submit",
        Approve => "approve",
        Reject => "reject",
        Suspend => "suspend",
        Deactivate => "deactivate",
        Reactivate => "reactivate",
    }
}

/// An agent's pair of states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgentState {
    pub status: AgentStatus,
    pub verification: Verification,
}

/// A step the current state does not allow: answered 409, naming the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Illegal {
    pub step: Step,
    pub from: AgentState,
}

impl std::fmt::Display for Illegal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Cannot {} this agent: their status is {} and their verification is {}",
            self.step, self.from.status, self.from.verification
        )
    }
}

impl AgentState {
    pub const fn new(status: AgentStatus, verification: Verification) -> Self {
        Self {
            status,
            verification,
        }
    }

    /// The state after `step`, or why it is not allowed (SPEC §4.6, and nothing else).
    pub fn next(self, step: Step) -> Result<AgentState, Illegal> {
        use AgentStatus as S;
        use Verification as V;
        let to = match (step, self.verification, self.status) {
            (Step::Submit, V::Pending | V::Rejected, S::PendingApproval | S::Rejected) => {
                (S::PendingApproval, V::Submitted)
            }
            (Step::Approve, V::Submitted, _) => (S::Active, V::Verified),
            (Step::Reject, V::Submitted, _) => (S::Rejected, V::Rejected),
            (Step::Suspend, V::Verified, S::Active) => (S::Suspended, V::Verified),
            (Step::Deactivate, V::Verified, S::Active | S::Suspended) => (S::Inactive, V::Verified),
            (Step::Reactivate, V::Verified, S::Suspended | S::Inactive) => (S::Active, V::Verified),
            _ => return Err(Illegal { step, from: self }),
        };
        Ok(AgentState::new(to.0, to.1))
    }

    /// The steps an admin could take now (the detail page's buttons).
    pub fn admin_steps(self) -> Vec<Step> {
        [
            Step::Approve,
            Step::Reject,
            Step::Suspend,
            Step::Deactivate,
            Step::Reactivate,
        ]
        .into_iter()
        .filter(|s| self.next(*s).is_ok())
        .collect()
    }

    /// Only an active agent publishes a carousel or has policies written under them.
    pub fn may_work(self) -> bool {
        self.status == AgentStatus::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgentStatus as S;
    use Verification as V;

    const NEW: AgentState = AgentState::new(S::PendingApproval, V::Pending);

    #[test]
    fn the_happy_path_runs_register_submit_approve() {
        let submitted = NEW.next(Step::Submit).unwrap();
        assert_eq!(submitted, AgentState::new(S::PendingApproval, V::Submitted));
        let approved = submitted.next(Step::Approve).unwrap();
        assert_eq!(approved, AgentState::new(S::Active, V::Verified));
        assert!(approved.may_work());
        assert!(!submitted.may_work());
    }

    #[test]
    fn a_rejected_agent_resubmits_and_can_then_be_approved() {
        let rejected = NEW.next(Step::Submit).unwrap().next(Step::Reject).unwrap();
        assert_eq!(rejected, AgentState::new(S::Rejected, V::Rejected));
        let again = rejected.next(Step::Submit).unwrap();
        assert_eq!(again, AgentState::new(S::PendingApproval, V::Submitted));
        assert!(again.next(Step::Approve).is_ok());
    }

    #[test]
    fn suspension_and_reactivation_need_a_verified_agent() {
        let active = AgentState::new(S::Active, V::Verified);
        let suspended = active.next(Step::Suspend).unwrap();
        assert_eq!(suspended.status, S::Suspended);
        assert_eq!(suspended.next(Step::Reactivate).unwrap(), active);
        assert_eq!(active.next(Step::Deactivate).unwrap().status, S::Inactive);
        assert!(NEW.next(Step::Suspend).is_err());
        assert!(NEW.next(Step::Reactivate).is_err());
    }

    /// Every pair of states against every step: exactly the table's transitions
    /// are legal, and a refusal names the state it came from.
    #[test]
    fn every_other_transition_is_illegal() {
        let legal = [
            (S::PendingApproval, V::Pending, Step::Submit),
            (S::Rejected, V::Pending, Step::Submit),
            (S::PendingApproval, V::Rejected, Step::Submit),
            (S::Rejected, V::Rejected, Step::Submit),
            (S::Active, V::Verified, Step::Suspend),
            (S::Active, V::Verified, Step::Deactivate),
            (S::Suspended, V::Verified, Step::Deactivate),
            (S::Suspended, V::Verified, Step::Reactivate),
            (S::Inactive, V::Verified, Step::Reactivate),
        ];
        for status in S::ALL {
            for verification in V::ALL {
                let from = AgentState::new(*status, *verification);
                for step in Step::ALL {
                    let expected = *verification == V::Submitted
                        && matches!(step, Step::Approve | Step::Reject)
                        || legal.contains(&(*status, *verification, *step));
                    let got = from.next(*step);
                    assert_eq!(got.is_ok(), expected, "{step} from {from:?}");
                    if let Err(e) = got {
                        assert!(e.to_string().contains(status.as_str()), "{e}");
                    }
                }
            }
        }
    }

    #[test]
    fn the_seeds_approved_reads_as_verified() {
        assert_eq!(Verification::parse("approved"), Some(V::Verified));
        assert_eq!(V::Verified.as_str(), "verified");
    }
}
