import { execFileSync } from "node:child_process";

/// Reads the newest OTP sent to a phone from the SMS outbox, as the phone would.
export function outboxCode(phone: string): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (./dev test sets it)");
  const body = execFileSync("psql", ["-X", "-qtA", url, "-c",
    `SELECT body FROM sms_outbox WHERE phone_number = '+91${phone}' ORDER BY created_at DESC LIMIT 1`]).toString().trim();
  return body.slice(0, 6);
}

/// Gives seeded users back the demo password (`testpassword`, as the super admin
/// 9876543200 keeps it), for tests that change a password and for those that rely on
/// the demo one. The app refuses `testpassword` as a new password (too common), so
/// only the database can restore it.
export function restoreDemoPassword(...phones: string[]) {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (./dev test sets it)");
  const list = phones.map((p) => `'+91${p}'`).join(",");
  execFileSync("psql", ["-X", "-qtA", url, "-c",
    `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE phone_number = '+919876543200') WHERE phone_number IN (${list})`]);
}
