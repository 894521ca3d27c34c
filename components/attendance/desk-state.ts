// The registration desk's state and answer (registration-desk.tsx), shared by the desk, what
// it draws after an answer (registration-answer.tsx) and the server (app/(public)/registrations).
import type { RegistrationView } from "@/db/queries/registrations/public";
import type { QrDrawing } from "@/lib/checkin/qr";
import type { FormState } from "@/lib/form-state";

/** A registration as the desk shows it to the one who holds its code. */
export interface DeskResult {
  registration: RegistrationView;
  /** The event's date and time, worded on the server (lib/attendance stays out of the browser). */
  when: string;
  /** Not cancelled yet, and the event has not started. */
  cancellable: boolean;
  /** When it was made and cancelled, worded on the server like `when`. */
  registeredAt: string;
  cancelledAt: string | null;
  /** The code as a QR, drawn on the server (no QR library reaches the browser). */
  qr: QrDrawing | null;
}

/** The desk's one state: the code typed, and the registration once it is found. */
export type DeskState = FormState<{ code: string }, DeskResult>;
export type DeskAction = (previous: DeskState, formData: FormData) => Promise<DeskState>;
