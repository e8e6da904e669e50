//! The weight-change latency measurement both browser benchmarks use: moves a number box through a
//! sweep 0..100 and back and times each `input` event to the first task after the next animation
//! frame (requestAnimationFrame, then a MessageChannel message), i.e. until that update's frame is out.

/** The value at quantile `q` (0..1) of `xs`. */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/**
 * Milliseconds per move for `moves` moves made in the page by `kind`, each timed from just before the
 * move to the first task after the next animation frame; what a move changed is restored after.
 * - `weight`: sets the input matching `selector` along a sweep 0..100 and back and dispatches `input`.
 * - `scores`: a plain script (no app code) rewrites every ranking row's score text.
 */
function frameTimes(page, kind, selector, moves) {
  return page.evaluate(
    async ([kind, selector, moves]) => {
      const afterFrame = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve();
            ch.port2.postMessage(0);
          }),
        );
      let move;
      let restore;
      if (kind === "weight") {
        const input = document.querySelector(selector);
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
        const set = (v) => {
          setValue.call(input, v);
          input.dispatchEvent(new Event("input", { bubbles: true }));
        };
        const original = input.value;
        // A sweep 0..100 and back, so every move changes the value.
        move = (i) => set(String(Math.round(Math.abs(((i * 7) % 200) - 100))));
        restore = () => set(original);
      } else {
        const cells = [...document.querySelectorAll('[data-testid="score"]')];
        const original = cells.map((c) => c.textContent);
        move = (i) => cells.forEach((c, k) => (c.textContent = (((k * 7919 + i * 104729) % 10000) / 100).toFixed(2)));
        restore = () => cells.forEach((c, k) => (c.textContent = original[k]));
      }
      const out = [];
      await afterFrame();
      for (let i = 0; i < moves; i++) {
        const t0 = performance.now();
        move(i);
        await afterFrame();
        out.push(performance.now() - t0);
      }
      restore();
      return out;
    },
    [kind, selector, moves],
  );
}

/** Milliseconds per move for `moves` changes of the input matching `selector`; the value is restored after. */
export function weightMoveTimes(page, selector, moves) {
  return frameTimes(page, "weight", selector, moves);
}

/**
 * The browser's own share, for reading the figures on any machine: milliseconds per frame for `moves`
 * rewrites of every ranking row's score text by a plain script (no app code), timed like a weight move.
 * The page's move rewrites these texts and more, so it cannot be faster than this.
 */
export function scoreRewriteTimes(page, moves) {
  return frameTimes(page, "scores", null, moves);
}
