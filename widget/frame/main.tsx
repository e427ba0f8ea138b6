// The widget inside its frame: a labelled launcher, and a dialog (focus kept inside, Escape closes)
// with the brand's promise, whether someone is online, an aria-live log of the conversation and a
// form. A message shows "sent" only once the desk stored it (201); replies arrive by a live stream.
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { type ChatMessage, type Config, WidgetCallError, widgetApi } from "./api.ts";
import { type Language, texts } from "./text.ts";

type Pending = { key: string; body: string; state: "sending" | "failed"; why?: string };

const params = new URLSearchParams(location.search);
const slug = params.get("brand") ?? "";
const asked = params.get("lang") || navigator.language || "";
const api = widgetApi(slug);

const tell = (data: Record<string, string>) => window.parent.postMessage({ ...data }, "*");

function Widget() {
  const [config, setConfig] = useState<Config | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [conversation, setConversation] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [draft, setDraft] = useState("");
  const [email, setEmail] = useState("");
  const [emailProblem, setEmailProblem] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const lang: Language = config?.language ?? (asked.toLowerCase().startsWith("fr") ? "fr" : "en");
  const t = texts[lang];

  useEffect(() => {
    api
      .config(asked)
      .then((c) => {
        setConfig(c);
        document.documentElement.lang = c.language;
        document.title = texts[c.language].frameTitle(c.brand);
        tell({ title: texts[c.language].frameTitle(c.brand) });
      })
      .catch(() => setFailed(true));
    api
      .messages()
      .then((m) => {
        setMessages(m.items);
        setConversation(m.conversation_id);
      })
      .catch(() => undefined);
  }, []);

  // The live stream, opened once there is a conversation; a new conversation opens a new stream.
  useEffect(() => {
    if (!conversation || !api.visitor()) return;
    const source = new EventSource(api.streamUrl(null));
    source.addEventListener("message", (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as ChatMessage;
      setMessages((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
    });
    return () => source.close();
  }, [conversation]);

  useEffect(() => {
    tell({ rapportWidget: open ? "open" : "closed" });
    if (open) field.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    // The frame shrinks first; the launcher then takes the focus back.
    requestAnimationFrame(() => launcher.current?.focus());
  };

  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [
      ...dialog.current.querySelectorAll<HTMLElement>("button, textarea, input, [tabindex='0']"),
    ].filter((e) => !e.hasAttribute("disabled"));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const offline = config !== null && !config.online;
  const needsEmail = offline && conversation === null;

  const send = async (body: string, key: string) => {
    setPending((list) => [...list.filter((p) => p.key !== key), { key, body, state: "sending" }]);
    try {
      const answer = await api.send(email.trim() ? { body, email: email.trim() } : { body }, key);
      setPending((list) => list.filter((p) => p.key !== key));
      setSentIds((ids) => [...ids, answer.message_id]);
      setMessages((list) =>
        list.some((m) => m.id === answer.message_id)
          ? list
          : [
              ...list,
              {
                id: answer.message_id,
                from: "visitor",
                author_name: "",
                body,
                created_at: new Date().toISOString(),
              },
            ],
      );
      setConversation(answer.conversation_id);
    } catch (error) {
      const why =
        error instanceof WidgetCallError && error.status === 429
          ? t.tooMany
          : error instanceof WidgetCallError && error.field === "email"
            ? t.emailMissing
            : t.failed;
      if (error instanceof WidgetCallError && error.field === "email") setEmailProblem(true);
      setPending((list) => list.map((p) => (p.key === key ? { ...p, state: "failed", why } : p)));
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const body = draft.trim();
    if (!body) return;
    if (needsEmail && !email.trim()) {
      setEmailProblem(true);
      return;
    }
    setEmailProblem(false);
    setDraft("");
    void send(body, crypto.randomUUID());
  };

  if (failed || !config) {
    return failed ? <p class="unavailable">{t.unavailable}</p> : null;
  }
  const status = config.online
    ? t.online
    : config.why_offline === "closed"
      ? t.closed
      : t.nobodyOnline;
  return (
    <>
      {open && (
        <div
          ref={dialog}
          id="rapport-dialog"
          class="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="rapport-title"
          aria-describedby="rapport-promise"
          onKeyDown={keepFocusInside}
        >
          <header>
            <h1 id="rapport-title">{config.brand}</h1>
            <button type="button" class="close" aria-label={t.close} onClick={close}>
              ×
            </button>
          </header>
          <div id="rapport-promise" class="promise">
            {config.promise && <p>{t.promise(config.promise)}</p>}
            <p class={config.online ? "online" : "offline"}>{status}</p>
          </div>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a log that scrolls must be reachable by keyboard */}
          <div class="log" role="log" aria-live="polite" aria-label={t.log} tabIndex={0}>
            {messages.map((m) => (
              <div key={m.id} class={`message ${m.from}`}>
                <span class="author">{m.from === "visitor" ? t.you : m.author_name}</span>
                <p>{m.body}</p>
                {m.from === "visitor" && sentIds.includes(m.id) && (
                  <span class="state">{t.sent}</span>
                )}
              </div>
            ))}
            {pending.map((p) => (
              <div key={p.key} class="message visitor pending">
                <span class="author">{t.you}</span>
                <p>{p.body}</p>
                {p.state === "sending" ? (
                  <span class="state">{t.sending}</span>
                ) : (
                  <span class="state failed">
                    {p.why}{" "}
                    <button type="button" onClick={() => void send(p.body, p.key)}>
                      {t.send}
                    </button>
                  </span>
                )}
              </div>
            ))}
          </div>
          <form onSubmit={submit} noValidate>
            {(offline || email !== "") && (
              <div class="field">
                <label for="rapport-email">{needsEmail ? t.emailRequired : t.email}</label>
                <input
                  id="rapport-email"
                  type="email"
                  autocomplete="email"
                  required={needsEmail}
                  aria-invalid={emailProblem}
                  aria-describedby={emailProblem ? "rapport-email-problem" : undefined}
                  value={email}
                  onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
                />
                {emailProblem && (
                  <p id="rapport-email-problem" class="problem">
                    {t.emailMissing}
                  </p>
                )}
              </div>
            )}
            <div class="field">
              <label for="rapport-message">{t.message}</label>
              <textarea
                id="rapport-message"
                ref={field}
                rows={3}
                maxLength={5000}
                value={draft}
                onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey) submit(e);
                }}
              />
            </div>
            <button type="submit" class="send">
              {t.send}
            </button>
          </form>
        </div>
      )}
      <button
        ref={launcher}
        type="button"
        class="launcher"
        aria-label={t.launcher(config.brand)}
        aria-expanded={open}
        aria-controls="rapport-dialog"
        onClick={() => (open ? close() : setOpen(true))}
      >
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"
          />
        </svg>
      </button>
    </>
  );
}

const root = document.getElementById("rapport-widget");
if (root) render(<Widget />, root);
