// One autocannon run against one address: requests per second, the 95th percentile of
// latency (from every response, not autocannon's buckets) and the errors.
//
// Every request says what a browser says in Accept-Encoding (LoadShape.acceptEncoding,
// BENCH_ACCEPT_ENCODING): without it both Lüzhi and the static baseline answer with
// identity bodies no reader ever gets, and on a machine where the load generator shares
// the cores, the ratios measure the generator parsing five times the bytes.
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

export interface Measure {
  rps: number;
  p95: number;
  errors: number;
}

export interface LoadShape {
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Sent as Accept-Encoding with every request; "" sends none. */
  acceptEncoding: string;
}

/** What Chromium and Firefox send over plain HTTP. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

const headersOf = (shape: LoadShape): Record<string, string> =>
  shape.acceptEncoding ? { "accept-encoding": shape.acceptEncoding } : {};

export async function warmUp(url: string, shape: LoadShape): Promise<void> {
  if (shape.warmupSeconds <= 0) return;
  await autocannon({
    url,
    connections: shape.connections,
    duration: shape.warmupSeconds,
    headers: headersOf(shape),
  });
}

export async function measure(url: string, shape: LoadShape): Promise<Measure> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: shape.connections, duration: shape.seconds, headers: headersOf(shape) },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN;
  return { rps: result.requests.average, p95, errors: result.errors + result.non2xx };
}

/** Gzipped bytes of the JavaScript a page loads, and of its HTML. */
export async function pageWeight(pageUrl: string): Promise<{ js: number; html: number }> {
  const html = await (await fetch(pageUrl)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map(
    (m) => m[1] as string,
  );
  let js = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    js += gzipSync(body).length;
  }
  return { js, html: Buffer.byteLength(html) };
}
