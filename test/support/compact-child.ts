// Compacts one deck's update log in its own process, so a test can kill -9 it half-way.
// DATABASE_URL and DECK_ID come from the environment.
import { createPrismaClient } from "../../server/db/prisma";
import { compactDeck } from "../../server/persistence/compaction";

const prisma = createPrismaClient(process.env.DATABASE_URL!);
const result = await compactDeck(prisma, process.env.DECK_ID!);
console.log(JSON.stringify(result));
await prisma.$disconnect();
