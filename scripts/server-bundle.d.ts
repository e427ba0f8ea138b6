// The types of server-bundle.js, for its test.
export function freshBundle(at?: string): string | null;
export function buildServer(): Promise<boolean>;
