/**
 * Whether text messages can be sent at all (an SMS provider is configured). lib/env.ts
 * validates SMS_PROVIDER and its companions at start (a server with a wrong one does not
 * start); this reads the variable at call time so that tests can turn SMS on and off.
 */
export function smsConfigured(source: Record<string, string | undefined> = process.env): boolean {
  return Boolean(source.SMS_PROVIDER?.trim());
}
