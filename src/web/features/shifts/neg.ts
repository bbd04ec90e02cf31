/** An amount taken away: "−$12.00", or "$0.00" when there is none. */
export const neg = (money: (cents: number) => string, cents: number) => (cents ? `−${money(cents)}` : money(0));
