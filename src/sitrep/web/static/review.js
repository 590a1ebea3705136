// The article page's "Add a fact" form: the words selected in the text become its span.
// Offsets count code points, as the server's (Python's) do; the selection is trimmed
// of surrounding white space.
(function () {
  "use strict";
  const body = document.getElementById("body");
  const form = document.getElementById("add-fact");
  if (!body || !form) return;
  const points = (s) => Array.from(s).length;

  function pick() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
    const before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    const raw = range.toString();
    const text = raw.trim();
    if (!text) return;
    const lead = raw.length - raw.trimStart().length;
    const start = points(before.toString()) + points(raw.slice(0, lead));
    form.elements.start.value = String(start);
    form.elements.end.value = String(start + points(text));
    document.getElementById("add-selected").textContent = text;
    const name = form.elements.name;
    if (name && !name.value) name.value = text;
  }

  function showKind() {
    const kind = form.elements.kind.value;
    for (const fs of form.querySelectorAll("fieldset[data-kind]")) fs.hidden = fs.dataset.kind !== kind;
  }

  body.addEventListener("mouseup", pick);
  body.addEventListener("keyup", pick);
  form.elements.kind.addEventListener("change", showKind);
  showKind();
})();
