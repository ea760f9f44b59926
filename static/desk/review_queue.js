/* The review queue from the keyboard: J/K move, V/D/R decide, S picks another speaker, U undoes.
 * After a decision the page reloads on the same position, which now holds the next item. */
"use strict";
(function () {
  const POSITION = "review-queue-position";
  let current = 0;

  function rows() {
    return Array.from(document.querySelectorAll("#result_list tbody tr"));
  }

  function focusRow(index) {
    const all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, n) {
      row.classList.toggle("queue-current", n === current);
      row.setAttribute("aria-current", n === current ? "true" : "false");
    });
    const row = all[current];
    row.setAttribute("tabindex", "-1");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function remember() {
    sessionStorage.setItem(POSITION, String(current));
  }

  function press(selector) {
    const row = rows()[current];
    const button = row && row.querySelector(selector);
    if (button) {
      remember();
      button.click();
    }
  }

  function chooseSpeaker() {
    const row = rows()[current];
    const select = row && row.querySelector("select.queue-speaker");
    if (select && window.django && django.jQuery) django.jQuery(select).select2("open");
  }

  function typing(target) {
    return target.closest && target.closest(
      "textarea, select, .select2-container, input:not([type=checkbox]):not([type=radio])"
    );
  }

  const keys = {
    j: function () { focusRow(current + 1); },
    k: function () { focusRow(current - 1); },
    v: function () { press("button[value=verify]"); },
    d: function () { press("button[value=dispute]"); },
    r: function () { press("button[value=reject]"); },
    s: chooseSpeaker,
    u: function () {
      const undo = document.querySelector("#queue-undo button");
      if (undo) { remember(); undo.click(); }
    },
  };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const action = keys[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  });

  document.addEventListener("DOMContentLoaded", function () {
    const list = document.getElementById("result_list");
    if (!list) return;
    list.addEventListener("click", function (event) {
      const row = event.target.closest("tbody tr");
      if (row) current = rows().indexOf(row);
      if (event.target.closest("button[name=decision]")) remember();
    });
    const saved = sessionStorage.getItem(POSITION);
    sessionStorage.removeItem(POSITION);
    focusRow(saved === null ? 0 : Number(saved));
    if (window.django && django.jQuery) {
      // A speaker chosen: Enter now reassigns and verifies.
      django.jQuery(list).on("select2:select", "select.queue-speaker", function () {
        const button = this.closest("tr").querySelector("button[value=reassign]");
        if (button) button.focus();
      });
    }
  });
})();
