// How long someone has been a customer, in the largest unit that reads naturally ("3 years",
// "5 months", "12 days"), from the whole days the server counts.

export type Tenure = { amount: number; unit: "day" | "month" | "year" };

export function tenure(days: number): Tenure {
  const whole = Math.max(0, Math.floor(days));
  if (whole >= 365) return { amount: Math.floor(whole / 365), unit: "year" };
  if (whole >= 60) return { amount: Math.floor(whole / 30), unit: "month" };
  return { amount: whole, unit: "day" };
}
