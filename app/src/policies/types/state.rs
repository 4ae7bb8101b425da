//! A policy's lifecycle (SPEC §4.9) as a pure function: the service asks `next`
//! before it writes, and nothing else moves a policy between states.

crate::text_enum! {
    /// `insurance_policies.status` (`policy_status_enum`).
    pub enum PolicyStatus {
        Draft => "draft",
        PendingApproval => "pending_approval",
        UnderReview => "under_review",
        Approved => "approved",
        Active => "active",
        Lapsed => "lapsed",
        Surrendered => "surrendered",
        Matured => "matured",
        Claimed => "claimed",
        Cancelled => "cancelled",
    }
}

crate::text_enum! {
    /// What someone asks to do to a policy.
    pub enum PolicyStep {
        /// The owner agent sends a draft for approval.
        Submit => "submit",
        Approve => "approve",
        Activate => "activate",
        Cancel => "cancel",
        /// Grace ran out with the premium unpaid (the daily job).
        Lapse => "lapse",
        /// A lapsed policy's arrears are paid within the revival window.
        Revive => "revive",
        Surrender => "surrender",
        Mature => "mature",
        Claim => "claim",
    }
}

/// A step the current status does not allow: answered 409, naming the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalStep {
    pub step: PolicyStep,
    pub from: PolicyStatus,
}

impl std::fmt::Display for IllegalStep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Cannot {} this policy: its status is {}",
            self.step, self.from
        )
    }
}

impl PolicyStatus {
    /// Cancelled, surrendered, matured and claimed policies never change again.
    pub fn is_terminal(self) -> bool {
        use PolicyStatus as S;
        matches!(
            self,
            S::Cancelled | S::Surrendered | S::Matured | S::Claimed
        )
    }

    /// In force or recoverable: the policies the renewal queue watches.
    pub fn is_on_the_books(self) -> bool {
        matches!(self, PolicyStatus::Active | PolicyStatus::Lapsed)
    }

    /// Before activation the owner agent may still edit coverage and nominee.
    pub fn editable_by_owner(self) -> bool {
        use PolicyStatus as S;
        matches!(
            self,
            S::Draft | S::PendingApproval | S::UnderReview | S::Approved
        )
    }

    /// The status after `step`, or why it is not allowed.
    pub fn next(self, step: PolicyStep) -> Result<PolicyStatus, IllegalStep> {
        use PolicyStatus as S;
        use PolicyStep as P;
        let to = match (step, self) {
            (P::Submit, S::Draft) => S::PendingApproval,
            (P::Approve, S::Draft | S::PendingApproval | S::UnderReview) => S::Approved,
            (P::Activate, S::Approved) => S::Active,
            (P::Cancel, from) if !from.is_terminal() => S::Cancelled,
            (P::Lapse, S::Active) => S::Lapsed,
            (P::Revive, S::Lapsed) => S::Active,
            (P::Surrender, S::Active | S::Lapsed) => S::Surrendered,
            (P::Mature, S::Active) => S::Matured,
            (P::Claim, S::Active) => S::Claimed,
            _ => return Err(IllegalStep { step, from: self }),
        };
        Ok(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PolicyStatus as S;
    use PolicyStep as P;

    #[test]
    fn the_happy_path_runs_draft_to_active() {
        let s = S::Draft.next(P::Submit).unwrap();
        assert_eq!(s, S::PendingApproval);
        let s = s.next(P::Approve).unwrap();
        assert_eq!(s, S::Approved);
        assert_eq!(s.next(P::Activate).unwrap(), S::Active);
    }

    /// Every status against every step: exactly the listed transitions are legal,
    /// and a refusal names the status it came from.
    #[test]
    fn every_other_transition_is_illegal() {
        let legal = [
            (S::Draft, P::Submit),
            (S::Draft, P::Approve),
            (S::PendingApproval, P::Approve),
            (S::UnderReview, P::Approve),
            (S::Approved, P::Activate),
            (S::Active, P::Lapse),
            (S::Lapsed, P::Revive),
            (S::Active, P::Surrender),
            (S::Lapsed, P::Surrender),
            (S::Active, P::Mature),
            (S::Active, P::Claim),
        ];
        for from in S::ALL {
            for step in P::ALL {
                let expected =
                    legal.contains(&(*from, *step)) || (*step == P::Cancel && !from.is_terminal());
                let got = from.next(*step);
                assert_eq!(got.is_ok(), expected, "{step} from {from}");
                if let Err(e) = got {
                    assert!(e.to_string().contains(from.as_str()), "{e}");
                }
            }
        }
    }

    #[test]
    fn terminal_states_are_final_and_owners_edit_only_before_activation() {
        for s in [S::Cancelled, S::Surrendered, S::Matured, S::Claimed] {
            assert!(s.is_terminal());
            assert!(P::ALL.iter().all(|p| s.next(*p).is_err()));
        }
        assert!(S::Approved.editable_by_owner());
        assert!(!S::Active.editable_by_owner());
        assert!(!S::Matured.editable_by_owner());
    }
}
