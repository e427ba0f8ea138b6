// Where attachment and raw-mail bytes live: an interface a folder or an S3-compatible store implements.

export type BlobStore = {
  /** Stores the bytes durably (fsynced) under a new key and returns it; never overwrites. */
  put(bytes: Uint8Array, hint: { kind: "raw" | "attachment"; extension?: string }): Promise<string>;
  get(key: string): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
};
