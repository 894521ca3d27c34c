import { notFound, redirect } from "next/navigation";
import { PipelineDashboard } from "@/components/pipeline/dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { getDashboardFigures, getScopeNames } from "@/db/queries/pipeline/dashboard";
import { consoleHomeFor } from "@/lib/console-nav";
import { adminMessages } from "@/lib/messages/admin";
import { can } from "@/lib/permissions";
import { committeeToday, requireStaff, staffPageTitle } from "@/server/action";

export const generateMetadata = staffPageTitle({ absolute: adminMessages.shell.product });

const m = adminMessages.dashboard;

/**
 * 工作台: the queue by status, overdue transfers, and the way into each section. The
 * security and audit administrators have no queue: their one page instead.
 */
export default async function DashboardPage() {
  const user = await requireStaff("console.enter", "/admin");
  if (!can(user, "note.review")) {
    const home = consoleHomeFor(user);
    if (!home) notFound();
    redirect(home);
  }
  const { today } = await committeeToday();
  const [figures, scope] = await Promise.all([
    getDashboardFigures(user, { today }),
    getScopeNames(user),
  ]);
  const scopeNote =
    user.role === "admin"
      ? m.scopeAll
      : scope.length === 0
        ? m.scopeNone
        : m.scopeOf(scope.join(adminMessages.timeline.listSeparator));
  return (
    <>
      <PageHeader title={m.title} intro={`${m.intro}${scopeNote}`} />
      <PipelineDashboard
        figures={figures}
        today={today}
        shortcuts={can(user, "department.manage")}
      />
    </>
  );
}
