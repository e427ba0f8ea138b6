import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeMailHtml } from "./sanitize.ts";

describe("sanitizeMailHtml against hostile mail", () => {
  it("removes javascript: links in every spelling, keeping the link text", () => {
    const html = [
      '<a href="javascript:alert(1)">a</a>',
      '<a href="JaVaScRiPt:alert(1)">b</a>',
      '<a href="jav&#x09;ascript:alert(1)">c</a>',
      '<a href="&#106;avascript:alert(1)">d</a>',
      '<a href=" javascript:alert(1)">e</a>',
      '<a href="vbscript:x">f</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">g</a>',
    ].join("");
    const clean = sanitizeMailHtml(html);
    expect(clean).toBe("<a>a</a><a>b</a><a>c</a><a>d</a><a>e</a><a>f</a><a>g</a>");
  });

  it("removes scripts and every event handler", () => {
    const clean = sanitizeMailHtml(
      '<script>alert(1)</script><p onclick="x()" onmouseover="y()">hi</p><body onload="z()">b</body>',
    );
    expect(clean).toBe("<p>hi</p>b");
  });

  it("removes svg with its content and handlers", () => {
    expect(
      sanitizeMailHtml('<svg onload="alert(1)"><script>x</script><text>t</text></svg>ok'),
    ).toBe("ok");
  });

  it("removes an image's onerror and a source that is not an address", () => {
    expect(sanitizeMailHtml('<img src=x onerror="alert(1)" alt="photo">')).toBe(
      '<img alt="photo" />',
    );
    expect(sanitizeMailHtml("<img src=x onerror=alert(1)>")).toBe("");
  });

  it("removes meta refresh, base, iframes, objects and forms", () => {
    const clean = sanitizeMailHtml(
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
        '<iframe src="https://evil.example">fallback</iframe><object data="x.swf"></object><embed src="x">' +
        '<form action="https://evil.example"><input type="password" name="p"><button>Send</button></form><p>ok</p>',
    );
    expect(clean).toBe("Send<p>ok</p>");
  });

  it("removes style blocks and CSS that loads or runs anything", () => {
    const clean = sanitizeMailHtml(
      "<style>body{background:url(https://t.example/a.png)}</style>" +
        '<p style="background:url(https://t.example/b.png);color:red;background-color:url(x);' +
        'width:expression(alert(1));position:fixed;background-image:url(&quot;c&quot;)">x</p>',
    );
    expect(clean).toBe('<p style="color:red">x</p>');
    expect(clean).not.toMatch(/url|expression|position/);
  });

  it("keeps harmless inline styles with colours", () => {
    expect(
      sanitizeMailHtml('<td style="color: rgb(10, 20, 30); font-weight: bold !important">x</td>'),
    ).toBe('<td style="color:rgb(10, 20, 30);font-weight:bold !important">x</td>');
  });
});

describe("sanitizeMailHtml on ordinary mail", () => {
  it("keeps text formatting, lists and tables", () => {
    const html =
      '<h2>Titre</h2><p><b>gras</b> <i>it</i> <u>s</u></p><ul><li>a</li></ul><ol start="3"><li>b</li></ol>' +
      '<table border="0"><tr><td colspan="2" align="center">c</td></tr></table><blockquote>q</blockquote>';
    expect(sanitizeMailHtml(html)).toBe(html);
  });

  it("opens links in a new tab without referrer or opener", () => {
    expect(
      sanitizeMailHtml('<a href="https://example.com/suivi" target="_self" rel="opener">suivi</a>'),
    ).toBe(
      '<a href="https://example.com/suivi" rel="noopener noreferrer nofollow" target="_blank">suivi</a>',
    );
    expect(sanitizeMailHtml('<a href="mailto:sav@example.com">écrire</a>')).toContain(
      'href="mailto:sav@example.com"',
    );
  });

  it("drops relative links, which would point into the console", () => {
    expect(sanitizeMailHtml('<a href="/api/v1/session">x</a><a href="//evil.example">y</a>')).toBe(
      "<a>x</a><a>y</a>",
    );
  });

  it("never loads a remote image: its address moves to data-remote-src, its alt stays", () => {
    expect(
      sanitizeMailHtml('<img src="https://t.example/pixel.gif?u=1" alt="Logo" width="1">'),
    ).toBe('<img alt="Logo" width="1" data-remote-src="https://t.example/pixel.gif?u=1" />');
  });

  it("does not let a sender forge data-remote-src", () => {
    expect(sanitizeMailHtml('<img data-remote-src="javascript:alert(1)" alt="a">')).toBe(
      '<img alt="a" />',
    );
  });

  it("keeps embedded images: cid: parts and raster data: URLs, not SVG ones", () => {
    expect(sanitizeMailHtml('<img src="cid:logo@x">')).toBe('<img src="cid:logo@x" />');
    expect(sanitizeMailHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" />',
    );
    expect(sanitizeMailHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="s">')).toBe(
      '<img alt="s" />',
    );
  });

  it("keeps the message of a mail that never closes its head", () => {
    expect(sanitizeMailHtml("<html><head><meta charset=utf-8><p>Bonjour</p>")).toBe(
      "<p>Bonjour</p>",
    );
  });

  it("drops the head, its title and comments", () => {
    expect(
      sanitizeMailHtml(
        "<html><head><title>T</title></head><body><!--[if mso]>x<![endif]--><p>ok</p></body></html>",
      ),
    ).toBe("<p>ok</p>");
  });
});

describe("htmlToText", () => {
  it("turns paragraphs, line breaks, lists and cells into lines", () => {
    const html =
      "<html><head><title>T</title><style>p{}</style></head><body><h1>Bonjour</h1>\n  <p>Ligne   un<br>ligne deux</p>" +
      "<ul><li>a</li><li>b</li></ul><table><tr><td>c1</td><td>c2</td></tr><tr><td>d1</td></tr></table>" +
      "<div>fin</div><script>alert(1)</script></body></html>";
    expect(htmlToText(html)).toBe(
      "Bonjour\n\nLigne un\nligne deux\n\n- a\n- b\n\nc1 c2\nd1\n\nfin",
    );
  });

  it("decodes entities into plain characters", () => {
    expect(htmlToText("<p>A &amp; B &lt;c&gt; &quot;d&quot; &eacute;t&eacute;&nbsp;!</p>")).toBe(
      'A & B <c> "d" été !',
    );
  });

  it("keeps the lines of preformatted text", () => {
    expect(htmlToText("<pre>ligne 1\nligne 2</pre>")).toBe("ligne 1\nligne 2");
  });

  it("returns an empty string for markup without text", () => {
    expect(htmlToText("<img src=x><br><script>x</script>")).toBe("");
  });
});
