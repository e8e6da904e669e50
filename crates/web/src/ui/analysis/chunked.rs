//! What the panels that run long analyses in chunks share (rank uncertainty, Sobol sensitivity): the
//! queue of zero-delay tasks, the sizing of the next chunk from the measured pace, the chunk times a
//! result reports, and the noise and seed fields of their forms.

use super::Message;
use crate::i18n::Key;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The compute time one task aims at; the page stays responsive well below the 50 ms long-task line.
pub(crate) const TARGET_CHUNK_MS: f64 = 8.0;
/// The largest chunk, whatever the pace.
const MAX_CHUNK: usize = 200_000;

/// Tasks scheduled with a zero-delay timer. The timer that is running must not be dropped by its own
/// callback, so the last few are kept; dropping the queue (leaving the page) cancels what is pending.
#[derive(Clone, Default)]
pub(crate) struct Tasks(Rc<RefCell<VecDeque<Timeout>>>);

impl Tasks {
    /// Runs `f` in a task of its own, after the tasks already waiting.
    pub(crate) fn later(&self, f: impl FnOnce() + 'static) {
        let mut timers = self.0.borrow_mut();
        timers.push_back(Timeout::new(0, f));
        while timers.len() > 3 {
            timers.pop_front();
        }
    }

    /// Cancels every pending task.
    pub(crate) fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

/// The size of the next chunk after one of `chunk` steps did `done` of them in `dt` ms: what fits
/// [`TARGET_CHUNK_MS`] at this pace, at least `min`. Timers too coarse to measure mean "much larger";
/// growth is capped at double per chunk, so one fast measurement on a busy machine cannot produce a
/// chunk that then runs far past the target.
pub(crate) fn next_chunk(chunk: usize, done: usize, dt: f64, min: usize) -> usize {
    let next = if dt >= 1.0 {
        ((TARGET_CHUNK_MS * done.max(1) as f64 / dt) as usize).clamp(min, (chunk * 2).max(min))
    } else {
        chunk * 2
    };
    next.min(MAX_CHUNK)
}

/// The noise field: a fraction in [0, 1); a problem is added to `problems` otherwise.
pub(crate) fn parse_noise(text: &str, problems: &mut Vec<Message>) -> f64 {
    match text.trim().parse::<f64>() {
        Ok(x) if (0.0..1.0).contains(&x) => x,
        _ => {
            problems.push(Message::new(Key::UncNoiseRange, &[]));
            0.0
        }
    }
}

/// The seed field: a whole number from 0 to 2^64 - 1; a problem is added to `problems` otherwise.
pub(crate) fn parse_seed(text: &str, problems: &mut Vec<Message>) -> u64 {
    text.trim().parse::<u64>().unwrap_or_else(|_| {
        problems.push(Message::new(Key::UncSeedInvalid, &[]));
        0
    })
}

/// Keeps a text field's value in `state` as it is typed.
pub(crate) fn text_input(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        state.set(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}
