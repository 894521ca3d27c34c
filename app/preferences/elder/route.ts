import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/env";
import { ELDER_COOKIE, ELDER_COOKIE_MAX_AGE, safeReturnPath } from "@/lib/preferences";
import { crossOriginRefusal } from "@/lib/security/origin";

const formSchema = z.object({ mode: z.enum(["on", "off"]) });

/** 适老模式 on or off: a plain form post, so it works without JavaScript. Our pages only. */
export async function POST(request: Request) {
  const refused = crossOriginRefusal(request, env.SITE_URL);
  if (refused) return refused;
  const form = await request.formData().catch(() => null);
  const parsed = formSchema.safeParse({ mode: form?.get("mode") });
  if (!parsed.success) {
    return new Response("请求无效：请从页面上的“适老模式”按钮切换。", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const jar = await cookies();
  if (parsed.data.mode === "on") {
    jar.set(ELDER_COOKIE, "1", {
      maxAge: ELDER_COOKIE_MAX_AGE,
      path: "/",
      sameSite: "lax",
      httpOnly: true,
    });
  } else {
    jar.delete(ELDER_COOKIE);
  }
  const back = safeReturnPath(request.headers.get("referer"), request.url);
  return new Response(null, { status: 303, headers: { Location: back } });
}
