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

// Suggestions for the filter form's text boxes arrive in one cacheable request the
// first time a box with suggestions gets the focus, instead of with every page.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.filters[data-suggestions]");
  if (!form) return;
  let requested = false;
  const fill = (data) => {
    Object.entries(data).forEach(([id, options]) => {
      const list = document.getElementById(id);
      if (!list || list.options.length) return;
      options.forEach(([value, label]) => {
        const option = document.createElement("option");
        option.value = value;
        if (label) option.textContent = label;
        list.appendChild(option);
      });
    });
  };
  form.addEventListener("focusin", (event) => {
    if (requested || !event.target.hasAttribute("list")) return;
    requested = true;
    fetch(form.dataset.suggestions, { headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : {}))
      .then(fill)
      .catch(() => {});
  });
});
