// Keeps the focus where a keyboard user expects it across navigation: Back (or Forward) returns
// it to the link that was followed (or last focused) on that page, such as the conversation's row in the inbox,
// once the page has drawn it again. A new page's heading takes the focus itself (page-heading.tsx).
import { useEffect, useRef } from "react";
import { useLocation, useNavigationType } from "react-router";

/** How long a page may take to draw the link again (its list is fetched anew). */
const WAIT_FOR_LINK_MS = 5_000;

export function RouteFocus() {
  const location = useLocation();
  const navigationType = useNavigationType();
  /** For each history entry, the link last followed (or focused) on it. */
  const followed = useRef(new Map<string, string>());

  useEffect(() => {
    const key = location.key;
    const remember = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      const href = link?.getAttribute("href");
      if (href?.startsWith("/")) followed.current.set(key, href);
    };
    // A link clicked, or the one the keyboard is on when a shortcut opens it (j, then Enter).
    document.addEventListener("click", remember, true);
    document.addEventListener("focusin", remember, true);
    return () => {
      document.removeEventListener("click", remember, true);
      document.removeEventListener("focusin", remember, true);
    };
  }, [location.key]);

  useEffect(() => {
    if (navigationType !== "POP") return;
    const href = followed.current.get(location.key);
    if (!href) return;
    const main = document.getElementById("main") ?? document.body;
    const selector = `a[href="${CSS.escape(href)}"]`;
    const focusLink = () => {
      const link = main.querySelector<HTMLAnchorElement>(selector);
      if (!link) return false;
      link.focus();
      return true;
    };
    if (focusLink()) return;
    const observer = new MutationObserver(() => {
      if (focusLink()) stop();
    });
    const timer = window.setTimeout(() => stop(), WAIT_FOR_LINK_MS);
    const stop = () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [location.key, navigationType]);

  return null;
}
