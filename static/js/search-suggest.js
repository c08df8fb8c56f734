// Search-as-you-type on a search field with [data-search-suggest] (templates/pages/search.html):
// the page titles matching what the reader typed, from the JSON endpoint named in the attribute.
// The WAI-ARIA combobox pattern with a listbox popup (list autocomplete):
//
// - Typing asks for suggestions DELAY ms after the last keystroke, once there are MIN_LENGTH
//   characters; an answer still on its way is aborted, and a value asked for before is shown
//   again without a request (so typing a word sends one request, not one per letter).
// - Down and Up move through the suggestions (wrapping), Enter opens the chosen page, Escape
//   closes the list, Tab leaves it; the field keeps focus and aria-activedescendant names the
//   chosen suggestion. A click or tap on a suggestion opens it too.
// - The page's live region says how many suggestions there are.
//
// Without JavaScript the field is a plain search field that submits its form.

const MIN_LENGTH = 3;
const DELAY = 300;
const HIDDEN = "utrecht-combobox__popover--hidden";

function normalise(value) {
  return value.trim().replace(/\s+/g, " ").toLowerCase();
}

function enhance(input) {
  const endpoint = input.dataset.searchSuggest;
  const baseId = `${input.id || "zoekterm"}-suggesties`;

  const combobox = document.createElement("div");
  combobox.className = "utrecht-combobox search-suggest";
  input.parentNode.insertBefore(combobox, input);
  combobox.appendChild(input);

  const listbox = document.createElement("ul");
  listbox.id = baseId;
  listbox.className =
    "utrecht-listbox utrecht-listbox__list utrecht-combobox__popover utrecht-combobox__popover--block-end " +
    `search-suggest__list ${HIDDEN}`;
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", "Suggesties");
  combobox.appendChild(listbox);

  // The page's polite live region (templates/base.html), which the toggle buttons use too.
  let status = document.getElementById("live-region");
  if (!status) {
    status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    combobox.appendChild(status);
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  const answers = new Map(); // normalised value -> suggestions
  let timer = null;
  let controller = null;
  let shownFor = null; // the normalised value the list (or its absence) belongs to
  let options = [];
  let active = -1;

  function announce(text) {
    if (status.textContent === text) status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function setActive(index) {
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  const isOpen = () => input.getAttribute("aria-expanded") === "true";

  function close() {
    listbox.classList.add(HIDDEN);
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open() {
    if (!options.length) return;
    listbox.classList.remove(HIDDEN);
    input.setAttribute("aria-expanded", "true");
  }

  function follow(option) {
    close();
    window.location.assign(option.dataset.url);
  }

  function render(value, suggestions) {
    shownFor = value;
    listbox.replaceChildren();
    options = suggestions.map((suggestion, index) => {
      const option = document.createElement("li");
      option.id = `${baseId}-${index}`;
      option.className = "utrecht-listbox__option utrecht-listbox__option--html-li search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      const title = document.createElement("span");
      title.className = "search-suggest__title";
      title.textContent = suggestion.title;
      option.appendChild(title);
      if (suggestion.type) {
        const type = document.createElement("span");
        type.className = "search-suggest__type";
        type.textContent = suggestion.type;
        option.append(" ", type);
      }
      listbox.appendChild(option);
      return option;
    });
    setActive(-1);
    if (options.length) {
      open();
      announce(
        `${options.length} ${options.length === 1 ? "suggestie" : "suggesties"}. ` +
          "Kies met pijltje omlaag en omhoog, open met Enter.",
      );
    } else {
      close();
      announce("Geen suggesties.");
    }
  }

  async function request(value) {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    try {
      const response = await fetch(`${endpoint}?q=${encodeURIComponent(value)}`, {
        signal,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      const suggestions = Array.isArray(data.suggestions) ? data.suggestions : [];
      answers.set(value, suggestions);
      if (normalise(input.value) === value) render(value, suggestions);
    } catch (error) {
      if (error.name !== "AbortError") close(); // no suggestions: the form still works
    } finally {
      if (controller && controller.signal === signal) controller = null;
    }
  }

  function update() {
    const value = normalise(input.value);
    if (value.length < MIN_LENGTH) {
      if (controller) controller.abort();
      shownFor = null;
      options = [];
      close();
      return;
    }
    if (value === shownFor) {
      open();
      return;
    }
    if (answers.has(value)) {
      render(value, answers.get(value));
      return;
    }
    request(value);
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    if (normalise(input.value).length < MIN_LENGTH) {
      update();
      return;
    }
    timer = window.setTimeout(update, DELAY);
  });

  input.addEventListener("keydown", (event) => {
    const expanded = isOpen();
    switch (event.key) {
      case "ArrowDown":
        if (!options.length) return;
        event.preventDefault();
        if (!expanded) {
          open();
          if (!event.altKey) setActive(0);
        } else {
          setActive(active + 1 < options.length ? active + 1 : 0);
        }
        break;
      case "ArrowUp":
        if (!options.length) return;
        event.preventDefault();
        if (!expanded) open();
        setActive(active > 0 ? active - 1 : options.length - 1);
        break;
      case "Enter":
        if (expanded && active >= 0) {
          event.preventDefault();
          follow(options[active]);
        } else {
          close();
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault(); // a search field would also clear itself
          close();
        }
        break;
      case "Tab":
        close();
        break;
      default:
        break;
    }
  });

  // A pointer press must not take focus from the field before the click opens the page.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) follow(option);
  });
  listbox.addEventListener("mousemove", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) setActive(options.indexOf(option));
  });
  input.addEventListener("blur", close);
  input.form?.addEventListener("submit", close);
  // Coming back to the page from the back/forward cache: no list left open.
  window.addEventListener("pageshow", close);
}

document.querySelectorAll("input[data-search-suggest]").forEach(enhance);
