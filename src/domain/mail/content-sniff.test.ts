import { describe, expect, it } from "vitest";
import { previewContentType, servedContentType, sniffContentType } from "./content-sniff.ts";

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const pdf = new TextEncoder().encode("%PDF-1.7\n");
const webp = new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ");
const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0]);
const text = new TextEncoder().encode("hello");
const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>');

describe("content sniffing", () => {
  it("recognises images, PDF and ZIP by their first bytes", () => {
    expect(sniffContentType(png)).toBe("image/png");
    expect(sniffContentType(jpeg)).toBe("image/jpeg");
    expect(sniffContentType(pdf)).toBe("application/pdf");
    expect(sniffContentType(webp)).toBe("image/webp");
    expect(sniffContentType(zip)).toBe("application/zip");
    expect(sniffContentType(text)).toBeNull();
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });

  it("serves a PNG that is not one as plain bytes", () => {
    expect(servedContentType("image/png", text)).toBe("application/octet-stream");
    expect(servedContentType("image/png", jpeg)).toBe("application/octet-stream");
    expect(servedContentType("Image/PNG; name=a.png", png)).toBe("image/png");
  });

  it("keeps a declared type the bytes do not contradict", () => {
    expect(servedContentType("text/plain; charset=utf-8", text)).toBe("text/plain");
    expect(
      servedContentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        zip,
      ),
    ).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  it("never lets text claim to be something the bytes show it is not", () => {
    expect(servedContentType("text/html", pdf)).toBe("application/octet-stream");
    expect(servedContentType("not a type", text)).toBe("application/octet-stream");
  });

  it("previews raster images and PDF only, by what the bytes are", () => {
    expect(previewContentType(png)).toBe("image/png");
    expect(previewContentType(pdf)).toBe("application/pdf");
    expect(previewContentType(svg)).toBeNull();
    expect(previewContentType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(previewContentType(zip)).toBeNull();
  });
});
