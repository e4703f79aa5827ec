import type { RedeemedPairing, RedeemPairingRequest } from "@/core/api/pairings";
import { ApiError, deckIdParam, handleApi, readJsonObject } from "@/server/http/api-response";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";

interface Context {
  params: Promise<{ id: string }>;
}

/**
 * Body: {"code": "XXXX-XXXX-XXXX"}. Redeems a pairing code once (no sign-in needed: the code is
 * the proof) and answers with the device's secret for the WebSocket, shown this once.
 */
export function POST(request: Request, context: Context): Promise<Response> {
  return handleApi(async () => {
    const deckId = deckIdParam((await context.params).id);
    const { code } = (await readJsonObject(request)) as Partial<Record<keyof RedeemPairingRequest, unknown>>;
    if (typeof code !== "string" || code.length > 64) throw new ApiError("bad_request", '"code" must be the pairing code.');
    const redeemed = await getServices().pairings.redeem(deckId, code);
    if (!redeemed) throw new ApiError("unauthorized", "This pairing code is unknown, already used, revoked or expired: ask for a new one.");
    return Response.json(redeemed satisfies RedeemedPairing, { status: 201, headers: { "cache-control": "no-store" } });
  });
}
