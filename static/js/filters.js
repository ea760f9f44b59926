// Phones: the filter form hides behind a button and the facets drawer starts closed.
// Without this script everything is simply shown; no inline script is needed (CSP).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".filters-button");
  const panel = document.getElementById("filters-panel");
  if (button && panel) {
    button.addEventListener("click", () => {
      const open = panel.classList.toggle("is-open");
      button.setAttribute("aria-expanded", String(open));
      if (open) {
        const first = panel.querySelector("input, select");
        if (first) first.focus();
      }
    });
  }
  if (window.matchMedia("(max-width: 47.99rem)").matches) {
    document.querySelectorAll("details.facets-drawer").forEach((drawer) => {
      drawer.open = false;
    });
  }
});
