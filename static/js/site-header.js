// The header's navigation (templates/base.html): disclosure buttons that exist only while this
// script runs. Without JavaScript the navigation is a plain visible list and has no buttons.
//
// - The menu button ([data-menu-button]) folds the whole navigation away on narrow screens; the
//   stylesheet shows it only below 40rem and lets it hide the menu only while it is collapsed.
// - A group button ([data-submenu-button], "Kennisbank") opens its list of links.
// Escape closes the innermost open one and returns focus to its button; a group also closes when
// focus or a click goes elsewhere.

const header = document.querySelector("[data-site-header]");

function disclosure(button, owner, attribute) {
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    owner.setAttribute(attribute, open ? "open" : "closed");
  };
  setOpen(false);
  button.hidden = false;
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  return {
    button,
    owner,
    isOpen: () => button.getAttribute("aria-expanded") === "true",
    close(returnFocus) {
      setOpen(false);
      if (returnFocus) button.focus();
    },
  };
}

function enhance(root) {
  const menuButton = root.querySelector("[data-menu-button]");
  const menu = menuButton && document.getElementById(menuButton.getAttribute("aria-controls"));
  const main = menu ? disclosure(menuButton, root, "data-menu") : null;

  const groups = Array.from(root.querySelectorAll("[data-submenu-button]")).map((button) =>
    disclosure(button, button.closest("[data-submenu]"), "data-submenu"),
  );
  groups.forEach((group) => {
    group.button.addEventListener("click", () => {
      groups.filter((other) => other !== group).forEach((other) => other.close(false));
    });
    group.owner.addEventListener("focusout", (event) => {
      if (!group.owner.contains(event.relatedTarget)) group.close(false);
    });
  });

  document.addEventListener("click", (event) => {
    groups.forEach((group) => {
      if (group.isOpen() && !group.owner.contains(event.target)) group.close(false);
    });
  });

  root.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const group = groups.find((candidate) => candidate.isOpen() && candidate.owner.contains(event.target));
    if (group) {
      group.close(true);
      event.preventDefault();
    } else if (main && main.isOpen()) {
      main.close(true);
      event.preventDefault();
    }
  });
}

if (header) enhance(header);
