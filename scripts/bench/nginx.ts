// nginx for the bench: found on PATH or in /usr/sbin, installed from Debian's packages
// when missing (as scripts/pg-ephemeral.sh installs PostgreSQL: apt-get, as root or with
// passwordless sudo), and run as the current user from a temporary directory on a free
// port, with the caching part of docs/nginx/lvzhi.conf (cache key with the elder variant,
// bypass on a session cookie, lock, stale while updating) in front of one or more app
// instances. Without the cache it is a plain load balancer.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function findNginx(log: (message: string) => void): string {
  const found = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find(
    (p) => existsSync(p),
  );
  if (found) return found;
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  log("nginx not found: installing Debian's nginx-light package (apt-get)…");
  const root = process.getuid?.() === 0;
  const run = (args: string[]) =>
    execFileSync(root ? (args[0] as string) : "sudo", root ? args.slice(1) : ["-n", ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light"]);
  // The package starts the system's nginx on port 80: the bench needs only the program.
  spawnSync(
    root ? "systemctl" : "sudo",
    root ? ["stop", "nginx"] : ["-n", "systemctl", "stop", "nginx"],
    {
      stdio: "ignore",
    },
  );
  if (!existsSync("/usr/sbin/nginx"))
    throw new Error("nginx installed but /usr/sbin/nginx is missing");
  return "/usr/sbin/nginx";
}

export interface NginxOptions {
  binary: string;
  port: number;
  upstreams: number[];
  /** proxy_cache as in docs/nginx/lvzhi.conf; false: a load balancer only. */
  cache: boolean;
}

export function nginxConfig(dir: string, options: NginxOptions): string {
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  const servers = options.upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n");
  const cache = options.cache
    ? `
        proxy_cache lvzhi;
        proxy_cache_key "$request_uri $lvzhi_variant";
        proxy_cache_bypass $lvzhi_signed_in $http_rsc $http_next_router_prefetch;
        proxy_no_cache     $lvzhi_signed_in $http_rsc $http_next_router_prefetch;
        proxy_cache_lock on;
        proxy_cache_use_stale updating error timeout http_500 http_502 http_503 http_504;
        proxy_cache_background_update on;
        proxy_cache_revalidate on;
        add_header X-Cache $upstream_cache_status always;`
    : "";
  return `${user}worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    proxy_cache_path ${dir}/cache levels=1:2 keys_zone=lvzhi:10m max_size=256m inactive=10m use_temp_path=off;
    map $cookie_lvzhi_elder $lvzhi_variant { "1" elder; default std; }
    map $http_cookie $lvzhi_signed_in {
        "~(^|;\\s*)(__Secure-)?authjs\\.session-token" 1;
        default 0;
    }
    upstream lvzhi_app {
${servers}
        keepalive 64;
    }
    server {
        listen 127.0.0.1:${options.port};
        client_max_body_size 140m;
        location / {
            proxy_pass http://lvzhi_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;${cache}
        }
    }
}
`;
}

export class Nginx {
  private child: ChildProcess | null = null;
  readonly dir = mkdtempSync(path.join(os.tmpdir(), "lvzhi-bench-nginx-"));

  constructor(private readonly options: NginxOptions) {}

  get base() {
    return new URL(`http://127.0.0.1:${this.options.port}`);
  }

  start() {
    const conf = path.join(this.dir, "nginx.conf");
    writeFileSync(conf, nginxConfig(this.dir, this.options));
    this.child = spawn(this.options.binary, ["-p", this.dir, "-c", conf], {
      stdio: ["ignore", "ignore", "inherit"],
    });
  }

  async stop() {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
