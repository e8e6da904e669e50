// The sample host page's script: embeds the calculator, sizes the iframe from its height reports, lists
// the ranking it announces and sends it commands. Query parameters of this page: `app` (the calculator's
// URL, default ../index.html), `hide` (panels to hide, e.g. "weights,data") and `origins` (the origins
// the calculator should trust; default this page's own, which is what a real host wants).
//
// `app` is checked before anything is framed: only an http(s) URL on this page's own host (any port)
// is accepted, so a link cannot make this page frame script (`javascript:`), data or another site.
// A portal that serves the calculator from another host adds that host to ALLOWED_HOSTS.

const ALLOWED_HOSTS = [location.hostname];

/** The calculator URL `app` names, or null with the reason it is refused. */
function appUrl(raw) {
  let url;
  try {
    url = new URL(raw || "../index.html", location.href);
  } catch {
    return [null, "not a URL"];
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return [null, "only http and https addresses are accepted"];
  if (!ALLOWED_HOSTS.includes(url.hostname)) return [null, "the calculator must be on this page's own host"];
  return [url, ""];
}

const params = new URLSearchParams(location.search);
const [app, refusal] = appUrl(params.get("app"));
const frame = document.getElementById("fjindex");
const $ = (id) => document.getElementById(id);

if (!app) {
  // Say what was refused, shortened, as text (never as markup), and frame nothing.
  const raw = String(params.get("app"));
  const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
  const note = $("host-refused");
  note.textContent = `参数 app 被拒绝 / The app parameter was refused (${refusal}): ${shown}`;
  note.hidden = false;
  frame.remove();
} else {
  start(app);
}

function start(app) {
  app.searchParams.set("embed", "1");
  app.searchParams.set("origins", params.get("origins") || location.origin);
  if (params.get("hide")) app.searchParams.set("hide", params.get("hide"));

  let events = 0;
  const send = (message) => frame.contentWindow.postMessage({ source: "fjindex-host", ...message }, app.origin);

  window.addEventListener("message", (e) => {
    // Only messages from the calculator's frame and origin are read.
    if (e.origin !== app.origin || e.source !== frame.contentWindow) return;
    const m = e.data;
    if (!m || m.source !== "fjindex") return;
    events += 1;
    $("host-events").value = String(events);
    if (m.type === "height") {
      frame.height = String(Math.ceil(m.height));
      $("host-height").value = String(Math.ceil(m.height));
    } else if (m.type === "ranking") {
      $("host-first").value = m.top.length ? `${m.top[0].name} (${m.top[0].adcode})` : "–";
      $("host-first").dataset.adcode = m.top.length ? m.top[0].adcode : "";
      $("host-top").replaceChildren(
        ...m.top.map((r) => {
          const li = document.createElement("li");
          li.textContent = `${r.name} ${r.score.toFixed(2)}`;
          li.dataset.adcode = r.adcode;
          return li;
        }),
      );
      frame.dataset.selected = m.selected || "";
    } else if (m.type === "error") {
      console.warn("fjindex:", m.message);
    }
  });

  $("host-innovation").addEventListener("click", () =>
    send({ type: "set-weights", weights: { industry: 0, innovation: 100, cluster: 0, quality: 0, smart: 0 } }),
  );
  $("host-equal").addEventListener("click", () =>
    send({ type: "set-weights", weights: { industry: 20, innovation: 20, cluster: 20, quality: 20, smart: 20 } }),
  );
  $("host-select").addEventListener("click", () => send({ type: "select", adcode: $("host-county").value.trim() }));
  $("host-lang").addEventListener("change", (e) => send({ type: "set-lang", lang: e.target.value }));

  frame.src = app.href;
}
