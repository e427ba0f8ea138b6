import { describe, expect, it } from "vitest";
import { resultsOf } from "./authenticate.ts";

describe("our Authentication-Results", () => {
  it("are read unfolded from the header block, without the other headers", () => {
    const block =
      "Received-SPF: fail (rapport: …) client-ip=127.0.0.1;\r\n" +
      "Authentication-Results: rapport;\r\n dkim=none (message not signed);\r\n spf=fail smtp.mailfrom=a@b.example;\r\n dmarc=fail (p=REJECT) header.from=b.example\r\n";
    expect(resultsOf(block)).toEqual([
      "rapport; dkim=none (message not signed); spf=fail smtp.mailfrom=a@b.example; dmarc=fail (p=REJECT) header.from=b.example",
    ]);
  });
});
