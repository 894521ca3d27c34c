/**
 * Whether text messages can be sent at all (an SMS provider is configured). Read straight
 * from the environment until lib/env.ts declares SMS_PROVIDER; then point this at env.
 */
export function smsConfigured(source: Record<string, string | undefined> = process.env): boolean {
  return Boolean(source.SMS_PROVIDER?.trim());
}
