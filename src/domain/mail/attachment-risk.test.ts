import { describe, expect, it } from "vitest";
import { attachmentRisk } from "./attachment-risk.ts";

const named = (filename: string | null, contentType = "application/octet-stream") =>
  attachmentRisk({ filename, contentType });

describe("attachment risk", () => {
  it("finds programs, scripts, shortcuts and disk images by extension, in any case", () => {
    const names = ["a.exe", "a.SCR", "a.js", "a.vbs", "a.jar", "a.bat", "a.cmd", "a.com"];
    const more = ["a.pif", "a.hta", "a.wsf", "a.lnk", "a.iso", "a.img", "a.ps1", "a.msi"];
    for (const name of [...names, ...more]) expect(named(name), name).toBe("program");
  });

  it("finds programs by content type when the name says nothing", () => {
    expect(named(null, "application/x-msdownload")).toBe("program");
    expect(named("update", "application/x-dosexec")).toBe("program");
  });

  it("finds a program disguised behind a document's extension", () => {
    expect(named("invoice.pdf.exe")).toBe("disguised_program");
    expect(named("scan.jpg      .scr")).toBe("disguised_program");
  });

  it("finds a name reversed by a bidirectional control character", () => {
    expect(named("invoice\u202efdp.exe")).toBe("disguised_program");
  });

  it("sees through trailing dots and spaces Windows would drop", () => {
    expect(named("setup.exe. ")).toBe("program");
  });

  it("leaves documents, images and archives alone", () => {
    for (const name of ["facture.pdf", "photo.jpeg", "export.v2.xlsx", "logs.zip", "notes"]) {
      expect(named(name), name).toBeNull();
    }
    expect(named(null, "application/pdf")).toBeNull();
  });
});
