// The filter panel of a listing (templates/components/filters.html) is folded on a phone and
// always open beside the results from 60em. The stylesheet does that through ::details-content;
// a browser without it gets the panel opened here instead.

const wide = window.matchMedia("(min-width: 60em)");
if (!CSS.supports("selector(::details-content)")) {
  const open = () => {
    if (wide.matches) document.querySelectorAll("[data-filter-panel]").forEach((panel) => (panel.open = true));
  };
  open();
  wide.addEventListener("change", open);
}
