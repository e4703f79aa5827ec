// Hocuspocus with no extensions (in memory), for `npm run bench`. PORT from the environment;
// prints "ready <port>" once listening.
import { Server } from "@hocuspocus/server";

const server = new Server({ port: Number(process.env.PORT ?? 0), address: "127.0.0.1", quiet: true });
await server.listen();
console.log(`ready ${server.address.port}`);
