// Toggle buttons (templates/components/toggle_button.html) without a page reload.
// Only member forms (data-toggle-button) are handled: a visitor's form goes to the login page.
// The server answers JSON {pressed, message, counts: {elementId: number}}; without JavaScript the
// same form posts and the server redirects back.

const liveRegion = () => document.getElementById("live-region");

function announce(text) {
  const region = liveRegion();
  if (!region || !text) return;
  // Clear first so the same text twice in a row is still announced.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

function render(form, pressed) {
  form.action = pressed ? form.dataset.actionOff : form.dataset.actionOn;
  const button = form.querySelector("button[aria-pressed]");
  button.setAttribute("aria-pressed", pressed ? "true" : "false");
  const label = button.querySelector(".toggle-button__label");
  label.textContent = pressed ? form.dataset.labelOn : form.dataset.labelOff;
}

function formsLike(form) {
  const key = form.dataset.toggleKey;
  if (!key) return [form];
  return Array.from(document.querySelectorAll("form[data-toggle-button]")).filter(
    (other) => other.dataset.toggleKey === key,
  );
}

async function submit(event) {
  const form = event.target.closest("form[data-toggle-button]");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button[aria-pressed]");
  if (button.getAttribute("aria-busy") === "true") return;
  button.setAttribute("aria-busy", "true");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]");
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": token ? token.value : "" },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data = await response.json();
    formsLike(form).forEach((other) => render(other, data.pressed));
    Object.entries(data.counts || {}).forEach(([id, value]) => {
      const element = document.getElementById(id);
      if (element) element.textContent = String(value);
    });
    announce(data.message || (data.pressed ? form.dataset.messageOn : form.dataset.messageOff));
  } catch (error) {
    // Fall back to the plain form post: the server redirects back with the result.
    form.submit();
  } finally {
    button.removeAttribute("aria-busy");
  }
}

document.addEventListener("submit", submit);
