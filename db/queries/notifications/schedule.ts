import "server-only";
import type { Database } from "../../client";
import { scanDueNotifications } from "./scan";

const HOUR_MS = 3_600_000;
/** First scan shortly after start, off the start-up path. */
const FIRST_RUN_DELAY_MS = 90_000;

const holder = globalThis as unknown as { __lvzhiNotificationScan?: NodeJS.Timeout };

/**
 * The server scans for time-caused notifications (transfers due or overdue, reminders the
 * day before an event) about a minute and a half after start, then every hour. With
 * several instances on one database the scan's advisory lock lets one run at a time, and
 * the dedupe keys write each notification once whichever runs. A failed scan is logged
 * and tried the next hour.
 */
export function startNotificationScanSchedule(getDb: () => Promise<Database>): void {
  if (holder.__lvzhiNotificationScan) return;
  const run = async () => {
    try {
      const report = await scanDueNotifications(await getDb());
      if (report.ran && report.transferDue + report.transferOverdue + report.reminders > 0) {
        console.log(
          `[lvzhi] notifications: ${report.transferDue} transfers due, ${report.transferOverdue} overdue, ${report.reminders} reminders`,
        );
      }
    } catch (error) {
      console.error(
        "[lvzhi] notification scan failed:",
        error instanceof Error ? error.message : error,
      );
    }
  };
  holder.__lvzhiNotificationScan = setTimeout(() => {
    void run();
    holder.__lvzhiNotificationScan = setInterval(() => void run(), HOUR_MS);
    holder.__lvzhiNotificationScan.unref();
  }, FIRST_RUN_DELAY_MS);
  holder.__lvzhiNotificationScan.unref();
}
