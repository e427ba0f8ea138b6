// Picking a canned answer in the composer: from "/" typed at the start of the text or from the
// picker's search, moving with the arrows, taking one with Enter or Tab (or a click), Escape to
// close; the answer goes in with its variables filled.
import { type KeyboardEvent, type RefObject, useState } from "react";
import type { CannedAnswer } from "../api/types.ts";
import {
  type CannedValues,
  fillVariables,
  matchCannedAnswers,
  slashQuery,
} from "../display/canned-answer.ts";

type Text = {
  body: string;
  setBody: (body: string) => void;
  field: RefObject<HTMLTextAreaElement | null>;
};

export type CannedPicker = {
  /** The words searched for, or null while no list is shown. */
  query: string | null;
  pickerOpen: boolean;
  matches: CannedAnswer[];
  active: number;
  togglePicker: () => void;
  search: (query: string) => void;
  /** The text changed: a "/" search starts again, from the first match. */
  edited: () => void;
  insert: (answer: CannedAnswer) => void;
  /** Handles the list's keys; true when the key was for the list. */
  onKey: (event: KeyboardEvent<HTMLElement>) => boolean;
};

export function useCannedPicker(
  answers: readonly CannedAnswer[],
  values: CannedValues,
  text: Text,
): CannedPicker {
  const [picker, setPicker] = useState({ open: false, query: "" });
  const [active, setActive] = useState(0);
  const [slashDismissed, setSlashDismissed] = useState(false);
  const query = picker.open ? picker.query : slashDismissed ? null : slashQuery(text.body);
  const matches = query === null ? [] : matchCannedAnswers(answers, query);
  const focusText = () => text.field.current?.focus();

  const close = () => {
    setPicker({ open: false, query: "" });
    setActive(0);
  };

  const insert = (answer: CannedAnswer) => {
    const filled = fillVariables(answer.body, values);
    if (picker.open) {
      // From the picker, at the caret (or over the selection); from "/", instead of the search.
      const start = text.field.current?.selectionStart ?? text.body.length;
      const end = text.field.current?.selectionEnd ?? text.body.length;
      text.setBody(text.body.slice(0, start) + filled + text.body.slice(end));
    } else {
      text.setBody(filled);
    }
    close();
    window.setTimeout(focusText, 0);
  };

  const onKey = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (query === null) return false;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + matches.length) % Math.max(matches.length, 1));
      return true;
    }
    if ((event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
      const answer = matches[Math.min(active, matches.length - 1)];
      if (!answer) return false;
      event.preventDefault();
      insert(answer);
      return true;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (picker.open) {
        close();
        focusText();
      } else setSlashDismissed(true);
      return true;
    }
    return false;
  };

  return {
    query,
    pickerOpen: picker.open,
    matches,
    active,
    togglePicker: () => {
      setPicker((current) => ({ open: !current.open, query: "" }));
      setActive(0);
    },
    search: (words) => {
      setPicker({ open: true, query: words });
      setActive(0);
    },
    edited: () => {
      setSlashDismissed(false);
      setActive(0);
    },
    insert,
    onKey,
  };
}
