//! The weight-change latency measurement both browser benchmarks use: moves a number box through a
//! sweep 0..100 and back and times each `input` event to the first task after the next animation
//! frame (requestAnimationFrame, then a MessageChannel message), i.e. until that update's frame is out.

/** The value at quantile `q` (0..1) of `xs`. */
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

/** Milliseconds per move for `moves` changes of the input matching `selector`; the value is restored after. */
export function weightMoveTimes(page, selector, moves) {
  return page.evaluate(
    async ([selector, moves]) => {
      const input = document.querySelector(selector);
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      const afterFrame = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve();
            ch.port2.postMessage(0);
          }),
        );
      const original = input.value;
      const out = [];
      await afterFrame();
      for (let i = 0; i < moves; i++) {
        // A sweep 0..100 and back, so every move changes the value.
        const v = Math.round(Math.abs(((i * 7) % 200) - 100));
        const t0 = performance.now();
        setValue.call(input, String(v));
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await afterFrame();
        out.push(performance.now() - t0);
      }
      setValue.call(input, original);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return out;
    },
    [selector, moves],
  );
}

/**
 * The browser's own share, for reading the figures on any machine: milliseconds per frame for `moves`
 * rewrites of every ranking row's score text by a plain script (no app code), timed like a weight move.
 * The page's move rewrites these texts and more, so it cannot be faster than this.
 */
export function scoreRewriteTimes(page, moves) {
  return page.evaluate(async (moves) => {
    const cells = [...document.querySelectorAll('[data-testid="score"]')];
    const original = cells.map((c) => c.textContent);
    const afterFrame = () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => resolve();
          ch.port2.postMessage(0);
        }),
      );
    const out = [];
    await afterFrame();
    for (let i = 0; i < moves; i++) {
      const t0 = performance.now();
      cells.forEach((c, k) => (c.textContent = ((k * 7919 + i * 104729) % 10000 / 100).toFixed(2)));
      await afterFrame();
      out.push(performance.now() - t0);
    }
    cells.forEach((c, k) => (c.textContent = original[k]));
    return out;
  }, moves);
}
