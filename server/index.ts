import { createServer } from 'node:http';

// Skeleton: the Colyseus game server replaces this (see the server issue).
const port = Number(process.env.PORT ?? 2567);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ name: 'tcp-tango', status: 'ok' }));
}).listen(port, () => console.log(`TCP Tango on http://localhost:${port}`));
