/** Lifetimes in seconds as people read them: "session", "400 days", "30 minutes", "unknown". */
export function lifetimeText(seconds: number | null | undefined): string {
  if (seconds === undefined) return "unknown";
  if (seconds === null) return "session";
  if (seconds >= 86_400) return `${Math.round(seconds / 86_400)} days`;
  if (seconds >= 3_600) return `${Math.round(seconds / 3_600)} hours`;
  return `${Math.round(seconds / 60)} minutes`;
}

/** A duration text the configuration accepts ("13 months", "30 days", "session"), rounded up. */
export function retentionText(seconds: number | null): string {
  if (seconds === null || seconds <= 0) return "session";
  const days = seconds / 86_400;
  if (days >= 60) return `${Math.ceil(days / 30.436875)} months`;
  if (days >= 1) return `${Math.ceil(days)} days`;
  if (seconds >= 3_600) return `${Math.ceil(seconds / 3_600)} hours`;
  return `${Math.max(1, Math.ceil(seconds / 60))} minutes`;
}
