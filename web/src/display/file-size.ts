// Attachment sizes in the units people expect (kB, MB), in the console's language.

export function formatFileSize(bytes: number, language: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index += 1;
  }
  return new Intl.NumberFormat(language, {
    style: "unit",
    unit: units[index],
    // "23 byte" reads wrong; a count of bytes is spelt out ("23 bytes", "23 octets"), "1.2 kB" is not.
    unitDisplay: index === 0 ? "long" : "short",
    maximumFractionDigits: value < 10 && index > 0 ? 1 : 0,
  }).format(value);
}
