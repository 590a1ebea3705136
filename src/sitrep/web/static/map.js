// Pan and zoom for the event map, without a library or a CDN: the wheel or the +/- buttons
// zoom (around the pointer or the centre), dragging pans. Only the SVG's viewBox changes,
// so outlines and dots stay sharp; a drag does not follow the link it ends on.
(function () {
  "use strict";
  const svg = document.querySelector("svg.map");
  if (!svg) return;
  const W = svg.viewBox.baseVal.width, H = svg.viewBox.baseVal.height;
  let vb = { x: 0, y: 0, w: W, h: H };
  let drag = null, moved = false;

  function apply() {
    svg.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].map((v) => v.toFixed(2)).join(" "));
    svg.dataset.zoom = (W / vb.w).toFixed(2);
  }
  function clamp() {
    vb.w = Math.min(W, Math.max(W / 16, vb.w));
    vb.h = (vb.w * H) / W;
    vb.x = Math.min(W - vb.w, Math.max(0, vb.x));
    vb.y = Math.min(H - vb.h, Math.max(0, vb.y));
  }
  function zoom(factor, cx, cy) {
    vb.x = cx - (cx - vb.x) / factor;
    vb.y = cy - (cy - vb.y) / factor;
    vb.w /= factor;
    vb.h /= factor;
    clamp();
    apply();
  }
  function toSvg(evt) {
    const r = svg.getBoundingClientRect();
    return [vb.x + ((evt.clientX - r.left) / r.width) * vb.w, vb.y + ((evt.clientY - r.top) / r.height) * vb.h];
  }

  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const [x, y] = toSvg(e);
    zoom(e.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, { passive: false });
  svg.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, vx: vb.x, vy: vb.y };
    moved = false;
  });
  window.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    moved = moved || Math.abs(dx) + Math.abs(dy) > 3;
    vb.x = drag.vx - (dx / r.width) * vb.w;
    vb.y = drag.vy - (dy / r.height) * vb.h;
    clamp();
    apply();
  });
  window.addEventListener("pointerup", () => { drag = null; });
  svg.addEventListener("click", (e) => { if (moved) { e.preventDefault(); moved = false; } }, true);
  document.querySelectorAll("[data-map-zoom]").forEach((button) => {
    button.addEventListener("click", () => {
      const how = button.dataset.mapZoom;
      if (how === "reset") {
        vb = { x: 0, y: 0, w: W, h: H };
        apply();
      } else {
        zoom(Number(how), vb.x + vb.w / 2, vb.y + vb.h / 2);
      }
    });
  });
})();
