// Who is signed in: checked once with GET /me, changed by signing in or out, and lost when any
// call answers 401.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { ApiProblem, onSessionLost, setCsrfToken } from "../api/client.ts";
import { signOut as deleteSession, fetchMe, signIn as postSession } from "../api/session.ts";
import type { Me, SignedInMe } from "../api/types.ts";
import { adoptProfileLanguage } from "../i18n/i18n.ts";

export type SessionState =
  | { status: "checking" }
  | { status: "unavailable"; error: unknown }
  | { status: "signed_out"; lost: boolean }
  | { status: "signed_in"; me: SignedInMe };

type Session = {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "checking" });
  const [attempt, setAttempt] = useState(0);

  const enter = useCallback((me: Me) => {
    const { user } = me;
    // Sessions belong to users; only an API token has none, and the console is not for tokens.
    if (!user) {
      setState({ status: "signed_out", lost: false });
      return;
    }
    setCsrfToken(me.csrf_token);
    adoptProfileLanguage(user.languages);
    setState({ status: "signed_in", me: { ...me, user } });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the check on retry.
  useEffect(() => {
    const controller = new AbortController();
    fetchMe(controller.signal).then(enter, (error: unknown) => {
      if (controller.signal.aborted) return;
      if (error instanceof ApiProblem && error.kind === "unauthorized") {
        setState({ status: "signed_out", lost: false });
      } else {
        setState({ status: "unavailable", error });
      }
    });
    return () => controller.abort();
  }, [enter, attempt]);

  useEffect(
    () =>
      onSessionLost(() => {
        setCsrfToken(null);
        setState({ status: "signed_out", lost: true });
      }),
    [],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      await postSession(email, password);
      enter(await fetchMe());
    },
    [enter],
  );

  const signOut = useCallback(async () => {
    await deleteSession();
    setCsrfToken(null);
    setState({ status: "signed_out", lost: false });
  }, []);

  const retry = useCallback(() => {
    setState({ status: "checking" });
    setAttempt((value) => value + 1);
  }, []);

  const session = useMemo(
    () => ({ state, signIn, signOut, retry }),
    [state, signIn, signOut, retry],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a SessionProvider above it");
  return session;
}

/** The signed-in advisor; only for screens shown after sign-in. */
export function useMe(): SignedInMe {
  const { state } = useSession();
  if (state.status !== "signed_in") throw new Error("useMe is only for signed-in screens");
  return state.me;
}
