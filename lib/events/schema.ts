import { z } from "zod";
import { type FormState, firstIssuePerField } from "@/lib/form-state";
import { cmsFieldMessages } from "@/lib/messages/cms/common";
import { cmsEventsMessages } from "@/lib/messages/cms/events";
import {
  block,
  checkbox,
  choice,
  idList,
  integer,
  line,
  localDateTime,
  optionalId,
} from "@/lib/validation";
import { type EventKind, eventKinds, type ServiceType, serviceTypes } from "@/lib/vocabulary";

/** The events editor's form: fields as typed, and what they become. */

/** An event as the queries save it (db/queries/events/write.ts). */
export interface EventInput {
  title: string;
  kind: EventKind;
  serviceType: ServiceType | null;
  summary: string;
  body: string;
  startsAt: Date;
  endsAt: Date;
  townId: number | null;
  venue: string;
  campaignId: number | null;
  topicId: number | null;
  openToPublic: boolean;
  capacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  /** 到场须知 for registrants; optional. */
  whatToBring?: string;
  sectorIds: number[];
  organisationIds: number[];
  expectedUpdatedAt?: Date | null;
}

const m = cmsEventsMessages;
const f = m.fields;

export const eventTextFields = [
  "title",
  "kind",
  "serviceType",
  "summary",
  "body",
  "startsAt",
  "endsAt",
  "townId",
  "venue",
  "campaignId",
  "topicId",
  "openToPublic",
  "capacity",
  "registrationOpensAt",
  "registrationClosesAt",
  "whatToBring",
] as const;
export const eventListFields = ["sectorIds", "organisationIds"] as const;

export type EventFormValues = Record<(typeof eventTextFields)[number], string> &
  Record<(typeof eventListFields)[number], string[]>;
export type EventField = keyof EventFormValues;
export type EventFormState = FormState<EventFormValues>;

export const emptyEventValues: EventFormValues = {
  title: "",
  kind: "consultation",
  serviceType: "",
  summary: "",
  body: "",
  startsAt: "",
  endsAt: "",
  townId: "",
  venue: "",
  campaignId: "",
  topicId: "",
  openToPublic: "",
  capacity: "",
  registrationOpensAt: "",
  registrationClosesAt: "",
  whatToBring: "",
  sectorIds: [],
  organisationIds: [],
};

export function eventSchema(timeZone: string) {
  return z
    .object({
      title: line(f.title, 100, { required: true }),
      kind: choice(eventKinds, f.kind),
      serviceType: z.preprocess(
        (v) => (v === "" ? null : v),
        z.enum(serviceTypes, { error: cmsFieldMessages.invalidChoice(f.serviceType) }).nullable(),
      ),
      summary: block(f.summary, 300),
      body: block(f.body, 20_000),
      startsAt: localDateTime(f.startsAt, timeZone),
      endsAt: localDateTime(f.endsAt, timeZone),
      townId: optionalId(f.town),
      venue: line(f.venue, 100, { required: true }),
      campaignId: optionalId(f.campaign),
      topicId: optionalId(f.topic),
      openToPublic: checkbox,
      capacity: integer(f.capacity, 1, 100_000, {
        optional: true,
        message: m.fieldErrors.capacity,
      }),
      registrationOpensAt: localDateTime(f.registrationOpensAt, timeZone, { optional: true }),
      registrationClosesAt: localDateTime(f.registrationClosesAt, timeZone, { optional: true }),
      whatToBring: block(f.whatToBring, 300),
      sectorIds: idList(f.sectors),
      organisationIds: idList(f.organisations),
    })
    .superRefine((e, ctx) => {
      const issue = (path: EventField, message: string) =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (e.startsAt && e.endsAt && e.endsAt < e.startsAt)
        issue("endsAt", m.fieldErrors.endsBeforeStart);
      if (e.kind === "service" && !e.serviceType)
        issue("serviceType", m.fieldErrors.serviceTypeRequired);
      if (e.sectorIds.length + e.organisationIds.length === 0)
        issue("organisationIds", m.fieldErrors.organisersRequired);
      if (e.openToPublic) {
        const opens = e.registrationOpensAt;
        const closes = e.registrationClosesAt;
        if (opens && closes && closes <= opens)
          issue("registrationClosesAt", m.fieldErrors.closesBeforeOpens);
        if (closes && e.startsAt && closes > e.startsAt)
          issue("registrationClosesAt", m.fieldErrors.closesAfterStart);
      }
    });
}

export type ParsedEvent = z.infer<ReturnType<typeof eventSchema>>;

const allFields = [...eventTextFields, ...eventListFields] as const;

export function parseEventForm(
  values: EventFormValues,
  timeZone: string,
):
  | { ok: true; data: ParsedEvent }
  | { ok: false; fieldErrors: Partial<Record<EventField, string>> } {
  const result = eventSchema(timeZone).safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: firstIssuePerField(result.error.issues, allFields) };
}
