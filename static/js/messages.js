// Messages (templates/components/messages.html): the confirmation of what the reader just did
// gets focus when the page opens, so a screen reader reads it and the browser shows it, also
// when the page was opened at a fragment further down. Without JavaScript the page opens at the
// top, where the messages are.

const messages = document.getElementById("bericht");
if (messages) messages.focus();
