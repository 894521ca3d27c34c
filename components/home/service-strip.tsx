import Link from "next/link";
import { messages } from "@/lib/messages";
import { serviceTypes } from "@/lib/vocabulary";

/** The six services of 六送下乡, each a way into the calendar. */
export function ServiceStrip() {
  return (
    <section
      aria-labelledby="services-title"
      className="rounded-lg bg-brand-700 p-5 text-white sm:p-6"
    >
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:gap-4">
        <h2 id="services-title" className="font-serif text-xl font-bold">
          {messages.home.services}
        </h2>
        <p className="text-sm text-brand-100">{messages.home.servicesIntro}</p>
      </div>
      <ul className="mt-4 grid grid-cols-3 gap-2 sm:grid-cols-6">
        {serviceTypes.map((type) => (
          <li key={type}>
            <Link href={`/events?service=${type}`} className="service-link">
              {messages.serviceTypes[type]}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
