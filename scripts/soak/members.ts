// A member with a phone and no JavaScript: logs in through the form, then files field
// notes with one or two photos, again and again. A submission that fails (no answer, a
// cut connection, a 5xx, "系统繁忙") is sent again, the same form with the same client id,
// with backoff, until the site acknowledges it — as a person would press 提交 again.
import { randomInt } from "node:crypto";
import { notesMessages } from "../../lib/messages/notes";
import { failureOf } from "./failure";
import {
  CookieJar,
  type FilePart,
  findForm,
  HttpError,
  type HttpResponse,
  multipart,
  request,
  withValues,
} from "./http";
import type { SoakMember } from "./setup";
import type { RequestKind, Stats } from "./stats";

export interface Acknowledged {
  clientId: string;
  authorId: number;
  noteId: number;
  photos: number;
  at: number;
}

export interface Submission {
  clientId: string;
  authorId: number;
  photos: number;
  attempts: number;
  acknowledged: boolean;
}

export interface LoadContext {
  base: URL;
  stats: Stats;
  /** True once the run's time is up: finish what is in flight, start nothing new. */
  stopping: () => boolean;
  /** After this (epoch ms), even in-flight retries give up. */
  drainDeadline: () => number;
  log: (message: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Exponential backoff with jitter, as a patient person (or an app) retries. */
const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8_000) * (0.5 + Math.random());

const OBSERVATIONS = [
  "走访社区托育点，家长反映托位紧张，普惠托育价格仍偏高，部分小区缺少嵌入式托育场所。",
  "调研镇级农贸市场，摊位租金上涨，夜间照明不足，冷链设施老化，商户希望统一改造。",
  "走访工业园区企业，外贸订单回暖但用工紧张，企业希望加强技能培训和人才公寓供给。",
  "实地查看老旧小区加装电梯进展，居民意见协调难，资金分摊方案需要更细的指导。",
];
const SUGGESTIONS = [
  "建议统筹公建配套用房增设普惠托位，并给予运营补贴。",
  "建议将市场改造纳入年度民生实事项目，分期实施。",
  "建议联合职业院校开设订单班，完善人才住房保障。",
  "建议出台加装电梯资金分摊指引，街道专人跟进协调。",
];

interface MemberOptions {
  ctx: LoadContext;
  member: SoakMember;
  /** The member's phone, on the mobile network: one address per member. */
  ip: string;
  photos: Buffer[];
  thinkMs: [number, number];
  /** Phones do not all open the app in the same second: each starts within this (5 s). */
  startSpreadMs?: number;
  acknowledged: Acknowledged[];
  submissions: Submission[];
}

export class MemberBrowser {
  private readonly jar = new CookieJar();
  private readonly ctx: LoadContext;
  private notes = 0;

  constructor(private readonly o: MemberOptions) {
    this.ctx = o.ctx;
  }

  private headers(extra: Record<string, string> = {}) {
    return { "x-forwarded-for": this.o.ip, ...extra };
  }

  /** One request, timed and counted; network failures come back as null. */
  private async send(
    kind: RequestKind,
    path: string,
    options: { method?: "GET" | "POST"; body?: { body: Buffer; contentType: string } } = {},
    isOk: (r: HttpResponse) => boolean = (r) => r.status === 200,
  ): Promise<HttpResponse | null> {
    const started = Date.now();
    try {
      const response = await request(this.ctx.base, path, {
        method: options.method,
        jar: this.jar,
        body: options.body?.body,
        timeoutMs: options.method === "POST" ? 30_000 : 20_000,
        headers: this.headers(
          options.body
            ? { "content-type": options.body.contentType, origin: this.ctx.base.origin }
            : {},
        ),
      });
      this.ctx.stats.record(kind, started, failureOf(response, isOk));
      return response;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.ctx.stats.record(kind, started, failureOf(error, isOk));
      return null;
    }
  }

  async run() {
    await sleep(randomInt(0, (this.o.startSpreadMs ?? 5_000) + 1));
    while (!this.ctx.stopping()) {
      if (!(await this.ensureLoggedIn())) continue;
      await this.fileNote();
      if (this.ctx.stopping()) break;
      await sleep(randomInt(this.o.thinkMs[0], this.o.thinkMs[1] + 1));
    }
  }

  /** Signs in before the measured load starts (the filing bench); run() then skips it. */
  async signIn(): Promise<boolean> {
    return this.ensureLoggedIn();
  }

  /** Logs in through the form (GET /login, POST it) until a session cookie is set. */
  private async ensureLoggedIn(): Promise<boolean> {
    for (let attempt = 0; !this.jar.has("authjs.session-token"); attempt++) {
      if (Date.now() > this.ctx.drainDeadline()) return false;
      if (attempt > 0) {
        this.ctx.stats.retry();
        await sleep(backoff(attempt));
      }
      const page = await this.send("login page", "/login");
      if (page?.status !== 200) continue;
      const form = findForm(page.body.toString("utf8"), "identifier");
      if (!form) {
        this.ctx.stats.surprise("login page without its form");
        continue;
      }
      const fields = withValues(form.fields, {
        identifier: this.o.member.username,
        password: this.o.member.password,
      });
      const posted = await this.send(
        "login",
        new URL(form.action || "/login", new URL("/login", this.ctx.base)).pathname,
        { method: "POST", body: multipart(fields) },
        (r) => r.status === 303 && this.jar.has("authjs.session-token"),
      );
      if (posted && posted.status === 200) this.ctx.stats.surprise("login refused (200)");
    }
    return true;
  }

  private async fileNote() {
    const formPage = await this.send("note form", "/member/notes/new");
    if (!formPage) return;
    if (formPage.location?.startsWith("/login")) {
      this.jar.clear();
      return;
    }
    if (formPage.status !== 200) return;
    const form = findForm(formPage.body.toString("utf8"), "clientId");
    if (!form) {
      this.ctx.stats.surprise("note page without its form");
      return;
    }
    const clientId = form.fields.find((f) => f.name === "clientId")?.value ?? "";
    const pick = (name: string) => {
      const options = (form.selects[name] ?? []).filter((v) => v !== "");
      return options[randomInt(0, Math.max(1, options.length))] ?? "";
    };
    const current = (name: string) => form.fields.find((f) => f.name === name)?.value ?? "";
    this.notes += 1;
    const n = randomInt(0, OBSERVATIONS.length);
    const fields = withValues(form.fields, {
      title: `${this.o.member.username} 第${this.notes}次走访记录`,
      observation: OBSERVATIONS[n] as string,
      suggestion: SUGGESTIONS[n] as string,
      townId: pick("townId"),
      sectorId: current("sectorId") || pick("sectorId"),
      place: "社区服务中心",
      category: "livelihood",
      peopleMet: "社区居民、网格员",
      intent: "submit",
    });
    const photoCount = randomInt(1, 3);
    const first = randomInt(0, this.o.photos.length);
    const files: FilePart[] = Array.from({ length: photoCount }, (_, i) => ({
      name: "photos",
      filename: `IMG_${first + i}.jpg`,
      contentType: "image/jpeg",
      data: this.o.photos[(first + i) % this.o.photos.length] as Buffer,
    }));
    const submission: Submission = {
      clientId,
      authorId: this.o.member.id,
      photos: photoCount,
      attempts: 0,
      acknowledged: false,
    };
    this.o.submissions.push(submission);
    const target = new URL(form.action || "", new URL("/member/notes/new", this.ctx.base));
    const path = `${target.pathname}${target.search}`;

    // Until acknowledged: the same fields, the same photos, the same client id.
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > this.ctx.drainDeadline()) {
        this.ctx.log(`gave up on note ${clientId} of ${this.o.member.username} at the deadline`);
        return;
      }
      if (attempt > 0) {
        this.ctx.stats.retry();
        await sleep(backoff(Math.min(attempt, 4)));
      }
      if (!(await this.ensureLoggedIn())) return;
      submission.attempts += 1;
      const sentAt = Date.now();
      const response = await this.send(
        "note submit",
        path,
        { method: "POST", body: multipart(fields, files) },
        (r) => r.status === 303 && /^\/member\/notes\/\d+\?submitted=1$/.test(r.location ?? ""),
      );
      if (!response) continue;
      const done = /^\/member\/notes\/(\d+)\?submitted=1$/.exec(response.location ?? "");
      if (response.status === 303 && done) {
        submission.acknowledged = true;
        const at = Date.now();
        this.o.acknowledged.push({
          clientId,
          authorId: this.o.member.id,
          noteId: Number(done[1]),
          photos: photoCount,
          at,
        });
        this.ctx.stats.noteAcknowledged(at, sentAt);
        await this.viewNote(response.location as string);
        return;
      }
      if (response.location?.startsWith("/login")) {
        this.jar.clear();
        continue;
      }
      if (response.status === 200) {
        const html = response.body.toString("utf8");
        if (html.includes(notesMessages.form.signedOut)) {
          this.jar.clear();
          this.ctx.stats.surprise("note refused: signed out");
        } else if (html.includes(notesMessages.form.unavailable)) {
          this.ctx.stats.surprise("note refused: 系统繁忙 (database unavailable)");
        } else {
          const alert = /role="alert"[^>]*>([^<]{0,120})/.exec(html)?.[1] ?? "no message";
          this.ctx.stats.surprise(`note refused: ${alert}`, html);
        }
      } else if (response.status < 500) {
        this.ctx.stats.surprise(`note submit answered ${response.status}`);
      }
    }
  }

  /** The success page a browser lands on, and one of the note's photos. */
  private async viewNote(location: string) {
    const page = await this.send("note page", location);
    if (page?.status !== 200) return;
    const photo = /\/member\/photos\/(\d+)/.exec(page.body.toString("utf8"));
    if (!photo) {
      this.ctx.stats.surprise("note page shows no photo");
      return;
    }
    await this.send(
      "photo",
      photo[0],
      {},
      (r) => r.status === 200 && String(r.headers["content-type"]).startsWith("image/jpeg"),
    );
  }
}
