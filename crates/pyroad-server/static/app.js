// Enhancements only: every page works without this file.
// Loading a roadmap file fills the paste box (the form still posts text).
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[type=file][data-fills]")) {
    const target = document.getElementById(input.dataset.fills);
    if (!target) continue;
    for (const el of document.querySelectorAll(".js-only")) el.hidden = false;
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > 2 * 1024 * 1024) {
        alert("That file is larger than 2 MB, the most the server accepts.");
        input.value = "";
        return;
      }
      file.text().then((text) => { target.value = text; });
    });
  }
});

// In the exercise editor, Tab indents by four spaces instead of leaving the
// box (Shift+Tab still moves focus; the form works without this).
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("textarea.code")) {
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Tab" || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      box.setRangeText("    ", box.selectionStart, box.selectionEnd, "end");
    });
  }
});
