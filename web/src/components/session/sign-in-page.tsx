// Signing in with an email and a password, with errors that say what to do next.
import type { TFunction } from "i18next";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../../api/client.ts";
import { useSession } from "../../hooks/use-session.tsx";
import { chooseLanguage, currentLanguage, LANGUAGES } from "../../i18n/i18n.ts";
import { problemText } from "../common/problem-message.tsx";

function signInErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiProblem)) return problemText(t, error);
  switch (error.kind) {
    case "unauthorized":
      return t("signIn.errors.unauthorized");
    case "rate_limited":
      return error.retryAfter === null
        ? t("signIn.errors.rateLimitedUnknown")
        : t("signIn.errors.rateLimited", { count: Math.max(1, Math.ceil(error.retryAfter / 60)) });
    case "invalid":
      return t("signIn.errors.invalid");
    default:
      return problemText(t, error);
  }
}

export function SignInPage({ sessionLost }: { sessionLost: boolean }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = `${t("signIn.submit")} · ${t("app.name")}`;
  }, [t]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (email.trim() === "" || password === "") {
      setError(t("signIn.errors.missing"));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (caught) {
      setError(signInErrorText(t, caught));
      setSubmitting(false);
    }
  };

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__card">
        <div className="sign-in__languages">
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              lang={language}
              className="link-button"
              aria-pressed={currentLanguage() === language}
              onClick={() => chooseLanguage(language)}
            >
              {t(`languages.${language}`)}
            </button>
          ))}
        </div>
        <p className="sign-in__brand">{t("app.name")}</p>
        <h1 className="sign-in__title">{t("signIn.title")}</h1>
        <p className="sign-in__intro">{t("signIn.intro")}</p>
        {sessionLost && !error ? (
          <p className="notice" role="status">
            {t("signIn.sessionLost")}
          </p>
        ) : null}
        <form onSubmit={onSubmit} noValidate className="form">
          {error ? (
            <p ref={errorRef} id="sign-in-error" className="form__error" role="alert" tabIndex={-1}>
              {error}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="sign-in-email">{t("signIn.email")}</label>
            <input
              id="sign-in-email"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the sign-in page has one thing to do.
              autoFocus
              required
              value={email}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "sign-in-error" : undefined}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sign-in-password">{t("signIn.password")}</label>
            <input
              id="sign-in-password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "sign-in-error" : undefined}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button button--primary button--wide"
            disabled={submitting}
          >
            {submitting ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </div>
    </main>
  );
}
