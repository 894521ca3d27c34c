// `npm run retention`: run the retention job now (the server runs it itself daily):
// anonymise registrants and opinion senders past RETENTION_DAYS, archive audit entries
// older than AUDIT_RETENTION_DAYS to AUDIT_ARCHIVE_DIR and remove them from the database.
import { openDatabase } from "../db/client";
import { runRetention } from "../db/retention/index";
import { retentionOptions } from "../db/retention/schedule";
import { env } from "../lib/env";

const handle = env.DATABASE_URL
  ? await openDatabase({ url: env.DATABASE_URL, poolMax: 1 })
  : await openDatabase({ dataDir: env.PGLITE_DIR });
try {
  const options = retentionOptions(env);
  const report = await runRetention(handle.db, options);
  if (!report.ran) {
    console.log("另一个实例正在运行保留任务，本次未执行 (another instance is running the job).");
  } else {
    console.log(`保留任务完成 (retention done):`);
    console.log(
      `  报名信息已匿名化 ${report.registrations} 条（活动结束超过 ${options.retentionDays} 天）`,
    );
    console.log(
      `  意见征集联系方式已匿名化 ${report.opinions} 条（议题关闭超过 ${options.retentionDays} 天）`,
    );
    console.log(
      `  审计日志已归档并移出数据库 ${report.auditArchived} 条（超过 ${Math.max(180, options.auditRetentionDays)} 天）${report.archiveFile ? `：${report.archiveFile}` : ""}`,
    );
    console.log(`  已不再使用的设计封面图片已清理 ${report.coverVariantsPruned} 张`);
  }
} catch (error) {
  console.error(
    `保留任务失败 (retention failed): ${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = 1;
} finally {
  await handle.close();
}
