// Search everywhere, in the header: customers by name, email or phone and conversations by
// reference, subject or message text, grouped, the matching words marked. "/" focuses the box; the
// arrow keys walk the results, Enter opens one, Escape closes them.
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { ConversationHit, CustomerHit } from "../../api/search.ts";
import { formatRelative } from "../../display/date-time.ts";
import { useLocale } from "../../hooks/use-locale.ts";
import { useShortcut } from "../../hooks/use-shortcut.ts";
import { Reference } from "../common/conversation-badges.tsx";
import { problemText } from "../common/problem-message.tsx";
import { MarkedText } from "./marked-text.tsx";
import { movedIndex, type SearchOption, searchOptions } from "./search-options.ts";
import { useSearchResults, useSettled } from "./use-search-results.ts";

export function SearchBox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useSettled(text.trim());
  const state = useSearchResults(q);
  const listId = useId();
  const optionId = (option: SearchOption) => `${listId}-${option.kind}-${option.id}`;

  const results = state.status === "ready" ? state.data : null;
  const options = results && q !== "" ? searchOptions(q, results) : [];
  const activeOption = options[active];
  const shown = open && q !== "";

  useShortcut("/", "shortcuts.search", () => {
    input.current?.focus();
    input.current?.select();
  });

  // Leaving for a result (or anywhere else) closes the results.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new address is what closes them.
  useEffect(() => {
    setOpen(false);
    setActive(-1);
  }, [location.pathname, location.search]);

  // New results start again from no choice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new words are what resets the choice.
  useEffect(() => setActive(-1), [q]);

  const go = (option: SearchOption) => {
    setOpen(false);
    input.current?.blur();
    navigate(option.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive(movedIndex(active, event.key === "ArrowDown" ? 1 : -1, options.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const chosen = activeOption ?? options.find((o) => o.kind === "all-conversations");
      if (chosen) go(chosen);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (shown) setOpen(false);
      else input.current?.blur();
    }
  };

  const optionProps = (option: SearchOption) => ({
    id: optionId(option),
    role: "option",
    "aria-selected": activeOption === option,
    tabIndex: -1,
    to: option.path,
    className: `search-results__option${activeOption === option ? " search-results__option--active" : ""}`,
    onClick: () => setOpen(false),
  });
  const optionOf = (kind: SearchOption["kind"], id: string) =>
    options.find((o) => o.kind === kind && o.id === id);

  const customerRow = (hit: CustomerHit) => {
    const option = optionOf("customer", hit.id);
    if (!option) return null;
    return (
      <Link key={hit.id} {...optionProps(option)}>
        <span className="search-results__title">
          {hit.name ? <MarkedText runs={hit.name_runs} /> : t("inbox.unknownCustomer")}
        </span>
        <span className="search-results__detail">
          {hit.identity ? <MarkedText runs={hit.identity.runs} /> : null}
          {hit.organisation ? ` · ${hit.organisation}` : null}
        </span>
      </Link>
    );
  };

  const conversationRow = (hit: ConversationHit) => {
    const option = optionOf("conversation", hit.id);
    if (!option) return null;
    return (
      <Link key={hit.id} {...optionProps(option)}>
        <span className="search-results__title">
          <Reference reference={hit.reference} /> <MarkedText runs={hit.subject_runs} />
        </span>
        <span className="search-results__detail">
          {hit.customer.name || t("inbox.unknownCustomer")} ·{" "}
          {formatRelative(hit.last_activity_at, new Date(), locale)}
        </span>
        {hit.excerpt ? (
          <span className="search-results__excerpt">
            <MarkedText runs={hit.excerpt} />
          </span>
        ) : null}
      </Link>
    );
  };

  const footer = (kind: "all-conversations" | "all-customers") => {
    const option = optionOf(kind, kind);
    if (!option) return null;
    return (
      <Link {...optionProps(option)}>
        {t(kind === "all-conversations" ? "search.allConversations" : "search.allCustomers", {
          q,
        })}
      </Link>
    );
  };

  return (
    <search
      className="header-search"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t("search.label")}
      </label>
      <input
        ref={input}
        id={`${listId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        placeholder={t("search.placeholder")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t("search.results")}
        className="search-results"
        hidden={!shown}
      >
        {shown && state.status === "loading" ? (
          <p className="search-results__note">{t("search.searching")}</p>
        ) : null}
        {shown && state.status === "error" ? (
          <p className="search-results__note" role="alert">
            {problemText(t, state.error)}
          </p>
        ) : null}
        {shown && results ? (
          <>
            <ResultGroup id={`${listId}-customers`} title={t("search.customers")}>
              {results.customers.length === 0 ? (
                <p className="search-results__note">{t("search.noCustomers")}</p>
              ) : (
                results.customers.map(customerRow)
              )}
            </ResultGroup>
            <ResultGroup id={`${listId}-conversations`} title={t("search.conversations")}>
              {results.conversations.length === 0 ? (
                <p className="search-results__note">{t("search.noConversations")}</p>
              ) : (
                results.conversations.map(conversationRow)
              )}
            </ResultGroup>
            <ResultGroup id={`${listId}-more`} title={t("search.more")} quiet>
              {footer("all-conversations")}
              {footer("all-customers")}
            </ResultGroup>
          </>
        ) : null}
      </div>
    </search>
  );
}

/** A group of options in the results list (the ARIA listbox pattern: a group named by its title). */
function ResultGroup(props: { id: string; title: string; quiet?: boolean; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: an option group of a listbox, not a form's fieldset.
    <div
      role="group"
      aria-labelledby={props.id}
      className={props.quiet ? "search-results__more" : undefined}
    >
      <p id={props.id} className={props.quiet ? "visually-hidden" : "search-results__group"}>
        {props.title}
      </p>
      {props.children}
    </div>
  );
}
