// A member of the public: reads the home page, the news, an article, the calendar, an
// event, searches, pulls a feed; now and then registers for the soak's open event through
// its form (no JavaScript), each registration from its own address and phone number. A
// registration that gets no answer is sent again; "already registered" on a retry means
// an earlier attempt was stored.
import { randomInt } from "node:crypto";
import { attendanceMessages } from "../../lib/messages/attendance";
import { failureOf } from "./failure";
import { findForm, HttpError, type HttpResponse, multipart, request, withValues } from "./http";
import type { LoadContext } from "./members";
import type { SoakTargets } from "./setup";
import type { RequestKind } from "./stats";

export interface RegistrationAck {
  phone: string;
  /** The code shown on the confirmation page; null when a retry learnt it was stored. */
  code: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 8_000) * (0.5 + Math.random());

const QUERIES = ["政协", "托育", "委员", "调研", "乡村 振兴", "义诊", "外贸", "协商"];
const FEEDS = ["/feed.xml", "/atom.xml", "/events.ics"];
const NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周婷", "吴昊"];
const RECEIPT = /\/registrations#code=([A-Z0-9-]+)/;

/** Shared by all readers: distinct phone numbers and client addresses. */
let registrationSerial = 0;

interface ReaderOptions {
  ctx: LoadContext;
  index: number;
  targets: SoakTargets;
  thinkMs: [number, number];
  /** Chance that an iteration is a registration (a few per reader at most). */
  registerChance: number;
  registrations: RegistrationAck[];
  attempted: string[];
}

export class Reader {
  private readonly ip: string;

  constructor(private readonly o: ReaderOptions) {
    this.ip = `10.2.${Math.floor(o.index / 250)}.${(o.index % 250) + 1}`;
  }

  private async send(
    kind: RequestKind,
    path: string,
    options: { ip?: string; body?: { body: Buffer; contentType: string } } = {},
    isOk: (r: HttpResponse) => boolean = (r) => r.status === 200,
  ): Promise<HttpResponse | null> {
    const started = Date.now();
    try {
      const response = await request(this.o.ctx.base, path, {
        method: options.body ? "POST" : "GET",
        body: options.body?.body,
        timeoutMs: options.body ? 30_000 : 20_000,
        headers: {
          "x-forwarded-for": options.ip ?? this.ip,
          "accept-encoding": "gzip",
          ...(options.body
            ? { "content-type": options.body.contentType, origin: this.o.ctx.base.origin }
            : {}),
        },
      });
      this.o.ctx.stats.record(kind, started, failureOf(response, isOk));
      if (!options.body) this.o.ctx.stats.pageCache(response.headers["x-page-cache"] === "hit");
      return response;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      this.o.ctx.stats.record(kind, started, failureOf(error, isOk));
      return null;
    }
  }

  async run() {
    await sleep(randomInt(0, 5_000));
    const { targets } = this.o;
    const any = <T>(list: readonly T[]) => list[randomInt(0, list.length)] as T;
    while (!this.o.ctx.stopping()) {
      const roll = Math.random();
      if (roll < this.o.registerChance) {
        await this.register();
      } else {
        const choice = randomInt(0, 100);
        if (choice < 20) await this.send("home", "/");
        else if (choice < 35) await this.send("news", "/news");
        else if (choice < 55)
          await this.send("article", `/news/${encodeURIComponent(any(targets.articleSlugs))}`);
        else if (choice < 65) await this.send("events", "/events");
        else if (choice < 80) await this.send("event", `/events/${any(targets.eventIds)}`);
        else if (choice < 92)
          await this.send("search", `/search?q=${encodeURIComponent(any(QUERIES))}`);
        else await this.send("feed", any(FEEDS));
      }
      await sleep(randomInt(this.o.thinkMs[0], this.o.thinkMs[1] + 1));
    }
  }

  private async register() {
    const eventId = this.o.targets.soakEventId;
    const serial = ++registrationSerial;
    // Each registration from its own address (the per-IP limit is 10 per 10 minutes).
    const ip = `10.3.${Math.floor(serial / 250) % 250}.${(serial % 250) + 1}`;
    const phone = `139${String(serial).padStart(8, "0")}`;
    const page = await this.send("register form", `/events/${eventId}/register`, { ip });
    if (page?.status !== 200) return;
    const form = findForm(page.body.toString("utf8"), "eventId");
    if (!form) {
      this.o.ctx.stats.surprise("registration page without its form");
      return;
    }
    const fields = withValues(form.fields, {
      name: NAMES[serial % NAMES.length] as string,
      phone,
      organisation: "",
      consent: "yes",
    });
    const path = new URL(form.action || "", new URL(`/events/${eventId}/register`, this.o.ctx.base))
      .pathname;
    this.o.attempted.push(phone);
    for (let attempt = 0; ; attempt++) {
      if (Date.now() > this.o.ctx.drainDeadline()) return;
      if (attempt > 0) {
        this.o.ctx.stats.retry();
        await sleep(backoff(Math.min(attempt, 4)));
      }
      const response = await this.send(
        "register",
        path,
        { ip, body: multipart(fields) },
        (r) => r.status === 200 && RECEIPT.test(r.body.toString("utf8")),
      );
      if (!response) continue;
      // Registering answers in place with the receipt, whose link carries the code in
      // its fragment (never in a URL the server sees).
      if (response.status === 200) {
        const html = response.body.toString("utf8");
        const done = RECEIPT.exec(html);
        if (done) {
          this.o.registrations.push({ phone, code: done[1] as string });
          return;
        }
        if (attempt > 0 && html.includes(attendanceMessages.errors.duplicate_phone)) {
          // An earlier attempt was stored before its answer was lost.
          this.o.registrations.push({ phone, code: null });
          return;
        }
        if (html.includes(attendanceMessages.errors.unavailable)) {
          this.o.ctx.stats.surprise("registration refused: 系统繁忙 (database unavailable)");
          continue;
        }
        const alert = /role="alert"[^>]*>([^<]{0,120})/.exec(html)?.[1] ?? "no message";
        this.o.ctx.stats.surprise(`registration refused: ${alert}`, html);
        return;
      }
      if (response.status < 500) {
        this.o.ctx.stats.surprise(`registration answered ${response.status}`);
        return;
      }
    }
  }
}
