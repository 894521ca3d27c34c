import { Breadcrumbs, type Crumb } from "./breadcrumbs";

/** The head of a directory list page: where you are, the page's title, what it holds. */
export function PageHeader({
  trail,
  title,
  intro,
  children,
}: {
  trail: Crumb[];
  title: string;
  intro: string;
  children?: React.ReactNode;
}) {
  return (
    <header className="border-b-2 border-brand-600 pb-5">
      <Breadcrumbs trail={trail} />
      <h1 className="mt-3 font-serif text-2xl font-bold text-brand-800 sm:text-3xl">{title}</h1>
      <p className="mt-2 max-w-3xl text-[15px] text-muted">{intro}</p>
      {children}
    </header>
  );
}
