import { describe, expect, it } from "vitest";
import { formatFileSize } from "./file-size.ts";

// French puts a no-break space (sometimes a narrow one) between number and unit.
const size = (bytes: number, language: string) =>
  formatFileSize(bytes, language).replace(/[\u00a0\u202f]/g, " ");

describe("file sizes", () => {
  it("spells out a few bytes and shows kB and MB in the console's language", () => {
    expect(size(23, "en-GB")).toBe("23 bytes");
    expect(size(1, "en-GB")).toBe("1 byte");
    expect(size(23, "fr")).toBe("23 octets");
    expect(size(1_536, "en-GB")).toBe("1.5 kB");
    expect(size(1_536, "fr")).toBe("1,5 ko");
    expect(size(23_400, "en-GB")).toBe("23 kB");
    expect(size(10 * 1024 * 1024, "en-GB")).toBe("10 MB");
    expect(size(2_500_000, "fr")).toBe("2,5 Mo");
  });
});
