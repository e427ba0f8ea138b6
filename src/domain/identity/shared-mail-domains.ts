// Mail domains shared by unrelated people (webmail and access providers): never evidence that two
// senders belong to the same organisation (docs/CONTRACT.md §5: "never a shared mail domain").

const shared = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.fr",
  "yahoo.co.uk",
  "ymail.com",
  "hotmail.com",
  "hotmail.fr",
  "hotmail.co.uk",
  "outlook.com",
  "outlook.fr",
  "live.com",
  "live.fr",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aol.fr",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "laposte.net",
  "bbox.fr",
  "numericable.fr",
  "gmx.com",
  "gmx.fr",
  "gmx.de",
  "gmx.net",
  "web.de",
  "t-online.de",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "tutanota.com",
  "yandex.com",
  "yandex.ru",
  "mail.ru",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "qq.com",
  "163.com",
]);

export function isSharedMailDomain(domain: string): boolean {
  return shared.has(domain.trim().toLowerCase());
}

/** The domain of an address, lower-case, or null. */
export function mailDomain(address: string): string | null {
  const at = address.lastIndexOf("@");
  return at > 0 && at < address.length - 1
    ? address
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : null;
}
