import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, type PagerLabels } from "@/components/ui/pager";
import { buttonClass } from "./fields";
import { LinkTabs, type TabItem } from "./list";

/**
 * A console list page, composed: the header (title, intro, actions), notices, status tabs
 * as links, the filter form, the list itself (a DataTable, usually) and ONE pager. Every
 * part but the title and the list is optional. Data and actions come in as props.
 * `create` is the usual header action, the primary link to a new item's form.
 */
export function ListPage({
  title,
  intro,
  actions,
  create,
  back,
  notices,
  tabs,
  filters,
  pager,
  className,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  create?: { href: string; label: string };
  back?: { href: string; label: string };
  /** Confirmations and refusals after a redirect (`<Notice>`). */
  notices?: ReactNode;
  tabs?: { label: string; items: readonly TabItem[] };
  /** A `<FilterForm>`. */
  filters?: ReactNode;
  pager?: {
    page: number;
    pages: number;
    hrefFor: (page: number) => string;
    labels?: PagerLabels;
  };
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <PageHeader
        title={title}
        intro={intro}
        actions={
          create ? (
            <Link href={create.href} className={buttonClass.primary}>
              {create.label}
            </Link>
          ) : (
            actions
          )
        }
        back={back}
      />
      {notices}
      {tabs && <LinkTabs label={tabs.label} items={tabs.items} />}
      {filters}
      {children}
      {pager && <Pager {...pager} />}
    </div>
  );
}
