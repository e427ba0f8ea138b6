// The script a site embeds (`<script src="…/widget.js" data-brand="slug" async>`): it adds the
// widget's frame, served by Rapport, so that the host page's styles and scripts never touch it,
// and sizes the frame when the widget opens or closes. No framework: it is a few hundred bytes.
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const brand = script?.dataset.brand;
  if (!script || !brand) return;
  const origin = new URL(script.src).origin;
  // The host page's language first (its <html lang>), else the browser's.
  const lang = (document.documentElement.lang || navigator.language || "").slice(0, 2);
  const frame = document.createElement("iframe");
  frame.src = `${origin}/widget/frame?brand=${encodeURIComponent(brand)}&lang=${encodeURIComponent(lang)}`;
  frame.title = lang === "fr" ? "Discussion" : "Chat";
  const closed = "width:88px;height:88px";
  const open = "width:min(400px,100vw);height:min(620px,100vh)";
  const place = (size: string) => {
    frame.style.cssText = `position:fixed;right:0;bottom:0;${size};border:0;background:transparent;color-scheme:normal;z-index:2147483000`;
  };
  place(closed);
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data as { rapportWidget?: string; title?: string } | null;
    if (data?.rapportWidget === "open") place(open);
    if (data?.rapportWidget === "closed") place(closed);
    if (data?.title) frame.title = data.title;
  });
  const add = () => document.body.appendChild(frame);
  if (document.body) add();
  else document.addEventListener("DOMContentLoaded", add);
})();
