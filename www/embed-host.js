// The sample host page's script: embeds the calculator, sizes the iframe from its height reports, lists
// the ranking it announces and sends it commands. Query parameters of this page: `app` (the calculator's
// URL, default ../index.html), `hide` (panels to hide, e.g. "weights,data") and `origins` (the origins
// the calculator should trust; default this page's own, which is what a real host wants).

const params = new URLSearchParams(location.search);
const app = new URL(params.get("app") || "../index.html", location.href);
app.searchParams.set("embed", "1");
app.searchParams.set("origins", params.get("origins") || location.origin);
if (params.get("hide")) app.searchParams.set("hide", params.get("hide"));

const frame = document.getElementById("fjindex");
const $ = (id) => document.getElementById(id);
let events = 0;
let lang = "zh";

function send(message) {
  frame.contentWindow.postMessage({ source: "fjindex-host", ...message }, app.origin);
}

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
$("host-lang").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  send({ type: "set-lang", lang });
});

frame.src = app.href;
