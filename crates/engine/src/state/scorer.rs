//! The page's scorer for its current data set, shared by the states derived from one another.

use crate::model::{Dataset, IndicatorSystem, Scenario};
use crate::score::{Ranking, ScoreError, Scorer};
use std::cell::RefCell;
use std::rc::Rc;

/// A [`Scorer`] for the state's data set. A state is cloned for every action, and the clones share one
/// scorer, so its buffers and unit index serve every slider move until the data set is replaced.
#[derive(Clone)]
pub struct SharedScorer(Rc<RefCell<Scorer<Rc<Dataset>>>>);

impl SharedScorer {
    pub fn new(data: Rc<Dataset>) -> Self {
        Self(Rc::new(RefCell::new(Scorer::new(data))))
    }

    pub fn score(
        &self,
        system: &IndicatorSystem,
        scenario: &Scenario,
    ) -> Result<Ranking, ScoreError> {
        self.0.borrow_mut().score(system, scenario)
    }

    /// Whether this scorer scores `data` (the same shared data set, not merely equal data).
    pub fn scores(&self, data: &Rc<Dataset>) -> bool {
        Rc::ptr_eq(self.0.borrow().data(), data)
    }
}

/// Two states' scorers are equal when they are one scorer, which scores one data set.
impl PartialEq for SharedScorer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for SharedScorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedScorer")
    }
}
