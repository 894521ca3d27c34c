import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The older address of a registration, /registrations/<code>, put the code where proxy and
 * access logs keep it. Answered 404 without looking the code up (no answer tells a real
 * code from a guess, and nobody is led to keep using such addresses); not-found.tsx beside
 * this page points to the lookup form, without repeating the code.
 */
export default function OldRegistrationAddress(): never {
  notFound();
}
