import type { EventKind } from "@/lib/vocabulary";

/**
 * One colour per event kind, for chips and the legend. Dark text on a pale tint
 * keeps AA contrast; the colour itself is never the only cue (the kind is also
 * written out on list rows and event pages).
 */
export const kindStyles: Record<EventKind, { chip: string; dot: string }> = {
  consultation: { chip: "border-brand-600 bg-brand-50 text-brand-900", dot: "bg-brand-600" },
  visit: { chip: "border-blue-600 bg-blue-50 text-blue-950", dot: "bg-blue-600" },
  service: { chip: "border-emerald-600 bg-emerald-50 text-emerald-950", dot: "bg-emerald-600" },
  lecture: { chip: "border-violet-600 bg-violet-50 text-violet-950", dot: "bg-violet-600" },
  clinic: { chip: "border-teal-600 bg-teal-50 text-teal-950", dot: "bg-teal-600" },
  market: { chip: "border-amber-600 bg-amber-50 text-amber-950", dot: "bg-amber-600" },
  meeting: { chip: "border-slate-600 bg-slate-100 text-slate-900", dot: "bg-slate-600" },
};
