// The print view's "Druk af" button: shown only where it can work (with JavaScript); without
// it the browser's own print command prints the same page.
for (const button of document.querySelectorAll("[data-print-button]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
