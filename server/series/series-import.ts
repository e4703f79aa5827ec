// Keeps what an import found out about its decks: each deck's call date, and the series its folder
// forms (core/library/import-series.ts). A folder whose series exists already (by folder) joins it,
// so importing next month's minutes adds to the same series.
import { randomUUID } from "node:crypto";
import { SERIES_DEFAULTS } from "../../core/api/series";
import { groupImportIntoSeries } from "../../core/library/import-series";
import type { PrismaClient } from "../db/prisma";
import type { ImportPlacement, PlacedDeck } from "../library/import-service";

export class SeriesImportPlacement implements ImportPlacement {
  constructor(private readonly prisma: PrismaClient) {}

  async place(decks: PlacedDeck[], ownerId: string | null): Promise<Map<string, string>> {
    for (const deck of decks) {
      if (deck.callDate) await this.prisma.deck.update({ where: { id: deck.id }, data: { callDate: new Date(`${deck.callDate}T00:00:00Z`) } });
    }
    const seriesOf = new Map<string, string>();
    const idByPath = new Map(decks.map((deck) => [deck.path, deck.id]));
    for (const group of groupImportIntoSeries(decks.map((deck) => ({ path: deck.path, title: deck.title, date: deck.callDate })))) {
      const series = await this.prisma.series.upsert({
        where: { folder: group.folder },
        create: { id: randomUUID(), ...SERIES_DEFAULTS, name: group.name, folder: group.folder, cadenceDays: group.cadenceDays, weekday: group.weekday, ownerId },
        update: {},
      });
      const ids = group.paths.map((path) => idByPath.get(path)!);
      await this.prisma.deck.updateMany({ where: { id: { in: ids } }, data: { seriesId: series.id } });
      for (const id of ids) seriesOf.set(id, series.name);
    }
    return seriesOf;
  }
}
