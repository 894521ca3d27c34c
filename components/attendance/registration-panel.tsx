/**
 * The open-attendance box on an event page: free seats and the registration form.
 * Contract used by the event page (app/(public)/events/[id]/page.tsx):
 *   <RegistrationPanel event={…} timeZone={…} />
 * Placeholder until open attendance lands: renders nothing.
 */
export interface RegistrationPanelEvent {
  id: number;
  title: string;
  status: "scheduled" | "cancelled";
  openToPublic: boolean;
  capacity: number | null;
  startsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

export async function RegistrationPanel(_props: {
  event: RegistrationPanelEvent;
  timeZone: string;
}) {
  return null;
}
