// Video embeds (templates/components/blocks/video.html). Nothing loads from the video service
// until the reader presses play: then the placeholder becomes the service's player, in an iframe
// from its privacy-friendly address (youtube-nocookie.com, Vimeo with dnt=1), and focus moves to
// the player. Without JavaScript the placeholder keeps only its link to the video's own page.

function play(container) {
  const placeholder = container.querySelector("[data-video-placeholder]");
  const iframe = document.createElement("iframe");
  iframe.className = "video-embed__iframe";
  iframe.src = container.dataset.embedUrl;
  iframe.title = container.dataset.embedTitle;
  iframe.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = "strict-origin-when-cross-origin";
  placeholder.replaceWith(iframe);
  container.classList.add("video-embed__player--playing");
  iframe.focus();
}

function enhance(container) {
  const consent = container.querySelector("[data-video-consent]");
  const button = container.querySelector("[data-video-play]");
  if (!consent || !button || !container.dataset.embedUrl) return;
  button.addEventListener("click", () => play(container), { once: true });
  consent.hidden = false;
}

document.querySelectorAll("[data-video-embed]").forEach(enhance);
