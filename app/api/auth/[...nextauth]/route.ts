/**
 * next-auth's own endpoints (/api/auth/session, /signin, /signout, /csrf, /providers,
 * /callback/…) are switched off: the app uses none of them over HTTP. Logging in is the
 * /login form's server action, which checks everything first and then calls next-auth's
 * signIn() in-process (it never requests this route); "退出" is app/logout, which ends the
 * session on the server and audits it; the session is checked by server/auth/session.ts.
 * Left on, these endpoints answered for sessions the app had ended (and refreshed their
 * cookie), signed out without ending the session or auditing, and redirected to the
 * address the server listens on (http://0.0.0.0:PORT) instead of SITE_URL.
 */
const notHere = () =>
  new Response("Not Found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export const GET = notHere;
export const POST = notHere;
