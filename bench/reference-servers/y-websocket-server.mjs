// The bare reference room server of y-websocket (@y/websocket-server 0.1.1), in memory, for
// `npm run bench`. PORT from the environment; prints "ready <port>" once listening.
import http from "node:http";
import { WebSocketServer } from "ws";
import { setupWSConnection } from "@y/websocket-server/utils";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.writeHead(200).end("ok"));
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request)));
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => console.log(`ready ${server.address().port}`));
