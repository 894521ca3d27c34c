/**
 * The answer to an address of the older form that carried a secret in its path
 * (/invite/<token>, /registrations/<code>): 404, nothing looked up (no answer tells a real
 * secret from a guess), the secret not repeated, a link to the new way, and no Referer
 * sent onwards (the address itself is the secret). A bare page: no scripts, no styles.
 */
export function oldSecretAddressResponse(words: {
  title: string;
  body: string;
  href: string;
  link: string;
}): Response {
  const e = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${e(words.title)}</title></head>
<body><main><h1>${e(words.title)}</h1><p>${e(words.body)}</p>
<p><a href="${e(words.href)}">${e(words.link)}</a></p></main></body></html>`;
  return new Response(html, {
    status: 404,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
