import { chmodSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The embedded database's files hold password hashes, TOTP secrets and phones. PGlite
 * writes them 0666 (directories 0755) whatever the umask, so at every start the data
 * directory is closed to everyone but the server's user: directories 0700, files 0600,
 * existing ones fixed too. A file PGlite creates later sits inside a 0700 directory, where
 * no other user can reach it.
 */
export function restrictToOwner(root: string): void {
  const walk = (target: string) => {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(target, 0o700);
      for (const name of readdirSync(target)) walk(path.join(target, name));
    } else if ((stat.mode & 0o077) !== 0) {
      chmodSync(target, stat.mode & 0o700);
    }
  };
  walk(root);
}
