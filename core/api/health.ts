// GET /api/health: its own body, not the error shape, so load balancers read one field.
export interface Health {
  status: "ok" | "unavailable";
}
