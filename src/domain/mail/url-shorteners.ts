// URL shorteners: a link through one hides where it leads until it is clicked.

const SHORTENERS = [
  "bit.ly",
  "bitly.com",
  "tinyurl.com",
  "t.co",
  "goo.gl",
  "ow.ly",
  "is.gd",
  "v.gd",
  "buff.ly",
  "rebrand.ly",
  "cutt.ly",
  "tiny.cc",
  "t.ly",
  "rb.gy",
  "shorturl.at",
  "s.id",
  "bl.ink",
  "adf.ly",
  "shorte.st",
  "clck.ru",
];

/** The shortener a host belongs to (`www.bit.ly` → `bit.ly`), null for any other host. */
export function urlShortener(host: string): string | null {
  const name = host.toLowerCase().replace(/\.$/, "");
  return (
    SHORTENERS.find((shortener) => name === shortener || name.endsWith(`.${shortener}`)) ?? null
  );
}
