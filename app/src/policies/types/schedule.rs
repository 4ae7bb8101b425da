//! When premiums fall due, and where each policy stands: the rules of the renewal
//! queue as pure functions of dates. They are derived from the frequency and the
//! next due date, never from a hand-set status (SPEC §4.9–4.10, LIC practice).

use chrono::{Datelike, Months, NaiveDate};

crate::text_enum! {
    /// How often a premium is paid. The old seeds' `yearly` reads as `annual`.
    pub enum Frequency {
        Monthly => "monthly",
        Quarterly => "quarterly",
        HalfYearly => "half_yearly",
        Annual => "annual" | "yearly",
    }
}

impl Frequency {
    /// Calendar months between two premiums.
    pub fn months(self) -> u32 {
        match self {
            Frequency::Monthly => 1,
            Frequency::Quarterly => 3,
            Frequency::HalfYearly => 6,
            Frequency::Annual => 12,
        }
    }
}

/// `date` plus `months` calendar months; past the end of a shorter month it is that
/// month's last day (31 Jan + 1 month = 28 or 29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The due date after `due`: one frequency period on. Counted from the policy's
/// anchor (its first due date) so that a 31st stays the 31st in months that have
/// one: 31 Jan → 28 Feb → 31 Mar, not → 28 Mar.
pub fn next_due(anchor: NaiveDate, due: NaiveDate, freq: Frequency) -> NaiveDate {
    let step = freq.months();
    let months_since =
        (due.year() - anchor.year()) * 12 + due.month() as i32 - anchor.month() as i32;
    // The anchor's period that `due` falls in, then the one after if need be.
    let periods = months_since.max(0) as u32 / step;
    let candidate = add_months(anchor, periods * step);
    if candidate > due {
        candidate
    } else {
        add_months(anchor, (periods + 1) * step)
    }
}

/// The last day a premium due on `due` may be paid without the policy lapsing:
/// 15 days for monthly premiums, one calendar month for the other modes.
pub fn grace_ends(due: NaiveDate, freq: Frequency) -> NaiveDate {
    match freq {
        Frequency::Monthly => due + chrono::Duration::days(15),
        _ => add_months(due, 1),
    }
}

/// A lapsed policy may be revived for five years from its first unpaid premium.
pub const REVIVAL_YEARS: u32 = 5;

/// The last day a policy whose first unpaid premium fell due on `due` can be revived.
pub fn revivable_until(due: NaiveDate) -> NaiveDate {
    add_months(due, REVIVAL_YEARS * 12) - chrono::Duration::days(1)
}

/// How far ahead "due soon" looks, in days (the queue's default; configurable).
pub const DUE_SOON_DAYS: i64 = 30;

/// Where a policy stands on `today`, from its next due date and frequency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Nothing due within the window: paid up to the day before `due`.
    PaidUp { due: NaiveDate },
    /// Due within the window (0 = today).
    DueSoon { due: NaiveDate, days_left: i64 },
    /// Past due, still within grace.
    InGrace {
        due: NaiveDate,
        until: NaiveDate,
        days_overdue: i64,
    },
    /// Past grace, within the revival window.
    Revivable {
        due: NaiveDate,
        until: NaiveDate,
        days_overdue: i64,
    },
    /// Past the revival window.
    Lapsed { due: NaiveDate, days_overdue: i64 },
}

crate::text_enum! {
    /// The renewal queue's buckets (one per policy that needs the agent).
    pub enum Bucket {
        DueSoon => "due_soon",
        InGrace => "in_grace",
        Revivable => "revivable",
        Lapsed => "lapsed",
    }
}

impl Standing {
    /// The standing of a premium due on `due`, seen on `today`, with a due-soon
    /// window of `window` days.
    pub fn of(due: NaiveDate, freq: Frequency, today: NaiveDate, window: i64) -> Standing {
        let days = (due - today).num_days();
        if days > window {
            return Standing::PaidUp { due };
        }
        if days >= 0 {
            return Standing::DueSoon {
                due,
                days_left: days,
            };
        }
        let days_overdue = -days;
        let grace = grace_ends(due, freq);
        if today <= grace {
            return Standing::InGrace {
                due,
                until: grace,
                days_overdue,
            };
        }
        let until = revivable_until(due);
        if today <= until {
            Standing::Revivable {
                due,
                until,
                days_overdue,
            }
        } else {
            Standing::Lapsed { due, days_overdue }
        }
    }

    /// The queue bucket, or `None` when the policy needs nothing yet.
    pub fn bucket(self) -> Option<Bucket> {
        match self {
            Standing::PaidUp { .. } => None,
            Standing::DueSoon { .. } => Some(Bucket::DueSoon),
            Standing::InGrace { .. } => Some(Bucket::InGrace),
            Standing::Revivable { .. } => Some(Bucket::Revivable),
            Standing::Lapsed { .. } => Some(Bucket::Lapsed),
        }
    }

    /// Whether grace has run out: the daily job lapses an active policy then.
    pub fn past_grace(self) -> bool {
        matches!(self, Standing::Revivable { .. } | Standing::Lapsed { .. })
    }

    /// Days left (positive) or overdue (negative) against the due date.
    pub fn days_to_due(self) -> i64 {
        match self {
            Standing::PaidUp { .. } => i64::MAX,
            Standing::DueSoon { days_left, .. } => days_left,
            Standing::InGrace { days_overdue, .. }
            | Standing::Revivable { days_overdue, .. }
            | Standing::Lapsed { days_overdue, .. } => -days_overdue,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Frequency as F;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_end_at_the_end_of_a_shorter_month() {
        assert_eq!(add_months(d(2027, 1, 31), 1), d(2027, 2, 28));
        assert_eq!(add_months(d(2028, 1, 31), 1), d(2028, 2, 29), "leap year");
        assert_eq!(add_months(d(2027, 8, 31), 1), d(2027, 9, 30));
        assert_eq!(add_months(d(2027, 12, 15), 3), d(2028, 3, 15));
        assert_eq!(add_months(d(2028, 2, 29), 12), d(2029, 2, 28));
    }

    #[test]
    fn due_dates_advance_by_the_frequency_and_keep_their_day() {
        let anchor = d(2027, 1, 31);
        assert_eq!(next_due(anchor, anchor, F::Monthly), d(2027, 2, 28));
        assert_eq!(next_due(anchor, d(2027, 2, 28), F::Monthly), d(2027, 3, 31));
        assert_eq!(next_due(anchor, anchor, F::Quarterly), d(2027, 4, 30));
        assert_eq!(
            next_due(anchor, d(2027, 4, 30), F::Quarterly),
            d(2027, 7, 31)
        );
        assert_eq!(next_due(anchor, anchor, F::HalfYearly), d(2027, 7, 31));
        assert_eq!(next_due(anchor, anchor, F::Annual), d(2028, 1, 31));
        let leap = d(2028, 2, 29);
        assert_eq!(next_due(leap, leap, F::Annual), d(2029, 2, 28));
        assert_eq!(next_due(leap, d(2031, 2, 28), F::Annual), d(2032, 2, 29));
        // A due date off the anchor's rhythm (moved by hand) still moves forward.
        assert_eq!(next_due(anchor, d(2027, 3, 5), F::Monthly), d(2027, 3, 31));
        assert_eq!(F::parse("yearly"), Some(F::Annual));
    }

    #[test]
    fn grace_is_15_days_for_monthly_and_a_calendar_month_otherwise() {
        assert_eq!(grace_ends(d(2027, 1, 31), F::Monthly), d(2027, 2, 15));
        assert_eq!(grace_ends(d(2027, 1, 31), F::Annual), d(2027, 2, 28));
        assert_eq!(grace_ends(d(2028, 1, 31), F::Quarterly), d(2028, 2, 29));
        assert_eq!(grace_ends(d(2027, 3, 10), F::HalfYearly), d(2027, 4, 10));
    }

    #[test]
    fn the_window_edges_fall_on_the_right_side() {
        let due = d(2027, 3, 10);
        let at = |today| Standing::of(due, F::Annual, today, DUE_SOON_DAYS).bucket();
        assert_eq!(at(d(2027, 2, 7)), None, "31 days ahead");
        assert_eq!(at(d(2027, 2, 8)), Some(Bucket::DueSoon), "30 days ahead");
        assert_eq!(at(due), Some(Bucket::DueSoon), "due today");
        assert_eq!(at(d(2027, 3, 11)), Some(Bucket::InGrace), "a day late");
        assert_eq!(
            at(d(2027, 4, 10)),
            Some(Bucket::InGrace),
            "grace's last day"
        );
        assert_eq!(at(d(2027, 4, 11)), Some(Bucket::Revivable), "grace is over");
        assert_eq!(
            at(d(2032, 3, 9)),
            Some(Bucket::Revivable),
            "revival's last day"
        );
        assert_eq!(at(d(2032, 3, 10)), Some(Bucket::Lapsed), "five years on");
    }

    #[test]
    fn monthly_grace_ends_on_the_15th_day() {
        let due = d(2027, 2, 20);
        let at = |today| Standing::of(due, F::Monthly, today, DUE_SOON_DAYS);
        assert_eq!(at(d(2027, 3, 7)).bucket(), Some(Bucket::InGrace));
        assert!(!at(d(2027, 3, 7)).past_grace());
        assert_eq!(at(d(2027, 3, 8)).bucket(), Some(Bucket::Revivable));
        assert!(at(d(2027, 3, 8)).past_grace());
        assert_eq!(at(d(2027, 3, 8)).days_to_due(), -16);
    }

    #[test]
    fn a_leap_day_due_date_revives_until_the_day_before_its_fifth_anniversary() {
        assert_eq!(revivable_until(d(2028, 2, 29)), d(2033, 2, 27));
        assert_eq!(revivable_until(d(2027, 3, 10)), d(2032, 3, 9));
    }
}
