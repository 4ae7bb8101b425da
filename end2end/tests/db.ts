import { execFileSync } from "node:child_process";

/// Reads the newest OTP sent to a phone from the SMS outbox, as the phone would.
export function outboxCode(phone: string): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (./dev test sets it)");
  const body = execFileSync("psql", ["-X", "-qtA", url, "-c",
    `SELECT body FROM sms_outbox WHERE phone_number = '+91${phone}' ORDER BY created_at DESC LIMIT 1`]).toString().trim();
  return body.slice(0, 6);
}
