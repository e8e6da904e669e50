//! Marks, before the page is painted, an address that asks for another first screen than the default.
// Loaded as a classic script in <head> (index.html), so it runs before the body is painted. Any query
// (a language, weights, hidden panels, a county, a data set, an unknown parameter the page reports)
// changes the first screen, so the prerendered default page is kept hidden (www/app.css) until the app
// draws the asked-for page in its place (src/ui/mod.rs, `start`). Where WebAssembly is missing the app
// cannot start, so nothing is hidden and the prerendered page stays readable.
if (location.search.length > 1 && typeof WebAssembly === "object") {
  document.documentElement.setAttribute("data-first-screen", "custom");
}
